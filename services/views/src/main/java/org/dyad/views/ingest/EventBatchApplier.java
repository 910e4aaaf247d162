package org.dyad.views.ingest;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;
import org.dyad.views.projection.BatchProjector;
import org.dyad.views.projection.ViewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of topic records to one set of view tables in one database transaction: readable records through
 * the projector, unreadable ones to the dead letters, and each partition's position past the batch
 * ({@link AppliedPositions}). Records below a partition's stored position were applied before and are passed over;
 * a batch that starts beyond it (records in between would be skipped) changes nothing and answers where to resume
 * ({@link PositionGapException}). Used by the live subscriber and by a rebuild.
 */
public class EventBatchApplier {

    /** When a batch's commit is answered. */
    public enum Durability {
        /** Once its rows are on disk: the live views, whose answers and live feed clients rely on. */
        DURABLE,
        /**
         * Without waiting for the disk ({@code synchronous_commit} off for its transaction): views being rebuilt,
         * which serve nothing until they take the live views' place. That switch is a durable commit, which writes
         * every earlier commit to disk before it is answered; a crash before it loses only a rebuild that is started
         * again from the beginning anyway.
         */
        UNTIL_SWITCHED
    }

    private static final Logger log = LoggerFactory.getLogger(EventBatchApplier.class);
    /** Records from which a batch decodes on several threads at once; fewer are decoded on the batch's own. */
    private static final int PARALLEL_DECODING = 64;

    private final ViewTables tables;
    private final BatchProjector projector;
    private final DeadLetters deadLetters;
    private final AppliedPositions positions;
    private final TransactionTemplate transaction;
    private final Durability durability;

    /** For the live views: every batch durable. */
    public EventBatchApplier(ViewTables tables, TransactionTemplate transaction) {
        this(tables, transaction, Durability.DURABLE);
    }

    public EventBatchApplier(ViewTables tables, TransactionTemplate transaction, Durability durability) {
        this.tables = tables;
        this.durability = durability;
        this.projector = new BatchProjector(tables);
        this.deadLetters = new DeadLetters(tables);
        this.positions = new AppliedPositions(tables);
        this.transaction = transaction;
    }

    /** Answers how many records changed the views (duplicates, parked records and those passed over do not). */
    public int apply(List<ConsumerRecord<String, CloudEvent>> records) {
        return apply(records, Set.of());
    }

    /**
     * As {@link #apply(List)}, except that a batch of one of {@code gapsAccepted} may start beyond the stored
     * position (the records in between no longer exist on the topic).
     */
    public int apply(List<ConsumerRecord<String, CloudEvent>> records, Set<TopicPartition> gapsAccepted) {
        if (records.isEmpty()) {
            return 0;
        }
        return transaction.execute(tx -> {
            tables.lockForWriting();
            if (durability == Durability.UNTIL_SWITCHED) {
                tables.update("SET LOCAL synchronous_commit = off");
            }
            List<ConsumerRecord<String, CloudEvent>> unapplied = unapplied(records, gapsAccepted);
            if (unapplied.isEmpty()) {
                return 0;
            }
            int changed = project(unapplied);
            positions.advancePast(unapplied);
            return changed;
        });
    }

    /**
     * Applies a record taken from the dead letters again, in the caller's transaction; positions stay where they
     * are (the record was counted as applied when it was parked).
     */
    public int applyParked(ConsumerRecord<String, CloudEvent> record) {
        return transaction.execute(tx -> {
            tables.lockForWriting();
            return project(List.of(record));
        });
    }

    private List<ConsumerRecord<String, CloudEvent>> unapplied(List<ConsumerRecord<String, CloudEvent>> records,
                                                              Set<TopicPartition> gapsAccepted) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset()));
        Map<TopicPartition, Long> stored = positions.of(first.keySet());
        Map<TopicPartition, Long> gaps = new HashMap<>();
        first.forEach((partition, offset) -> {
            Long next = stored.get(partition);
            if (next != null && offset > next && !gapsAccepted.contains(partition)) {
                gaps.put(partition, next);
            }
        });
        if (!gaps.isEmpty()) {
            throw new PositionGapException(gaps, first);
        }
        List<ConsumerRecord<String, CloudEvent>> unapplied = new ArrayList<>(records.size());
        for (ConsumerRecord<String, CloudEvent> record : records) {
            Long next = stored.get(new TopicPartition(record.topic(), record.partition()));
            if (next == null || record.offset() >= next) {
                unapplied.add(record);
            }
        }
        if (unapplied.size() < records.size()) {
            log.debug("{} of {} records were applied before; passed over", records.size() - unapplied.size(),
                    records.size());
        }
        return unapplied;
    }

    /** Decodes the records (on several threads at once, kept in order), parks the unreadable ones, projects. */
    private int project(List<ConsumerRecord<String, CloudEvent>> records) {
        List<Object> decoded = (records.size() < PARALLEL_DECODING ? records.stream() : records.parallelStream())
                .map(EventBatchApplier::decoded).toList();
        List<PublishedEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (decoded.get(i) instanceof PublishedEvent event) {
                events.add(event);
            } else {
                ConsumerRecord<String, CloudEvent> record = records.get(i);
                String reason = ((UnreadableEventException) decoded.get(i)).getMessage();
                log.warn("Parking unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), reason);
                deadLetters.park(record, rawValue(record), reason);
            }
        }
        return projector.apply(events);
    }

    /** The record's event, or why it cannot be read. */
    private static Object decoded(ConsumerRecord<String, CloudEvent> record) {
        try {
            return read(record);
        } catch (UnreadableEventException e) {
            return e;
        }
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
