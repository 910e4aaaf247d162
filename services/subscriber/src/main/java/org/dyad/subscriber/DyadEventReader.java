package org.dyad.subscriber;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;

/** Turns Kafka records of Dyad's topic into typed events. */
public final class DyadEventReader {

    private DyadEventReader() {
    }

    /**
     * Reads a record holding a CloudEvent in Kafka binary mode ({@code ce_*} headers, JSON value).
     *
     * @throws UnknownEventTypeException if it is a CloudEvent of a type the contracts do not know
     * @throws UnreadableEventException  if it is not a CloudEvent, or not a valid Dyad event of its type
     */
    public static PublishedEvent read(ConsumerRecord<?, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            // The SDK signals missing or malformed ce_* headers with CloudEventRWException / IllegalStateException
            throw new UnreadableEventException("record " + where(record) + " is not a CloudEvent: " + e.getMessage(),
                    e);
        }
        if (EventCatalog.versionOf(event.getType()).isEmpty()) {
            throw new UnknownEventTypeException(event.getType(),
                    "record " + where(record) + " has unknown event type '" + event.getType() + "'");
        }
        return DyadCloudEvents.decode(event);
    }

    /** Where a record sits, {@code topic-partition@offset}, for messages and logs. */
    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
