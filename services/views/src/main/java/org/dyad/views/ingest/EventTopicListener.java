package org.dyad.views.ingest;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;
import org.dyad.views.ViewsConfiguration;
import org.dyad.views.projection.ViewProjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Subscribes the views to the event topic. Each poll's records are decoded and applied in one database transaction;
 * the consumer group's offsets are committed after it, so a crash re-delivers (and the projector ignores) what was
 * already applied.
 */
@Component
class EventTopicListener {

    private static final Logger log = LoggerFactory.getLogger(EventTopicListener.class);

    private final ViewProjector projector;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;

    EventTopicListener(ViewProjector projector, DeadLetters deadLetters, TransactionTemplate transaction) {
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.transaction = transaction;
    }

    @KafkaListener(id = "dyad-views", topics = "${dyad.views.topic:dyad.events}",
            containerFactory = ViewsConfiguration.CONTAINER_FACTORY)
    void onRecords(List<ConsumerRecord<String, CloudEvent>> records) {
        transaction.executeWithoutResult(tx -> {
            List<PublishedEvent> events = new ArrayList<>(records.size());
            for (ConsumerRecord<String, CloudEvent> record : records) {
                try {
                    events.add(read(record));
                } catch (UnreadableEventException e) {
                    log.warn("Parking unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                    deadLetters.park(record, rawValue(record), e.getMessage());
                }
            }
            int applied = projector.apply(events);
            if (applied < events.size()) {
                log.debug("Ignored {} already applied events", events.size() - applied);
            }
        });
    }

    private static PublishedEvent read(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            var failure = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            throw new UnreadableEventException(failure == null ? "record has no value"
                    : "not a CloudEvent: " + (failure.getCause() != null
                    ? failure.getCause().getMessage() : failure.getMessage()));
        }
        return DyadCloudEvents.decode(record.value());
    }

    private static byte[] rawValue(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() != null && record.value().getData() != null) {
            return record.value().getData().toBytes();
        }
        var failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        return failure == null ? null : failure.getData();
    }
}
