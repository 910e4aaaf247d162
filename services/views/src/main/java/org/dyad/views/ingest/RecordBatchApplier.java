package org.dyad.views.ingest;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;
import org.dyad.views.projection.ViewProjector;
import org.dyad.views.projection.ViewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a batch of topic records to one set of view tables in one database transaction: readable records through
 * the projector, unreadable ones to the dead letters. Used by the live subscriber and by a rebuild.
 */
public class RecordBatchApplier {

    private static final Logger log = LoggerFactory.getLogger(RecordBatchApplier.class);

    private final ViewTables tables;
    private final ViewProjector projector;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;

    public RecordBatchApplier(ViewTables tables, TransactionTemplate transaction) {
        this.tables = tables;
        this.projector = new ViewProjector(tables);
        this.deadLetters = new DeadLetters(tables);
        this.transaction = transaction;
    }

    /** Answers how many records changed the views (duplicates and parked records do not). */
    public int apply(List<ConsumerRecord<String, CloudEvent>> records) {
        return transaction.execute(tx -> {
            tables.lockForWriting();
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
            return projector.apply(events);
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
