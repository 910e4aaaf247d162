package org.dyad.views.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.dyad.views.projection.ViewTables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic position a set of views has reached per partition ({@code applied_position}): the offset of the next
 * record to apply. Written in the transaction that applies the records, read when partitions are assigned.
 */
public final class AppliedPositions {

    private static final String ADVANCE = """
            INSERT INTO views.applied_position (topic, partition, next_offset) VALUES (?, ?, ?)
            ON CONFLICT (topic, partition) DO UPDATE
                SET next_offset = GREATEST(views.applied_position.next_offset, EXCLUDED.next_offset),
                    applied_at = now()""";

    private final ViewTables tables;

    public AppliedPositions(ViewTables tables) {
        this.tables = tables;
    }

    /** The stored next offset of each of these partitions that has one. */
    public Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> found = new HashMap<>();
        for (String topic : partitions.stream().map(TopicPartition::topic).distinct().toList()) {
            tables.query("SELECT partition, next_offset FROM views.applied_position WHERE topic = :topic",
                    new MapSqlParameterSource("topic", topic), rs -> {
                        TopicPartition partition = new TopicPartition(topic, rs.getInt(1));
                        if (partitions.contains(partition)) {
                            found.put(partition, rs.getLong(2));
                        }
                    });
        }
        return found;
    }

    /** Whether these views hold nothing yet: no position stored and no record applied. */
    public boolean none() {
        return !tables.queryForObject("SELECT EXISTS (SELECT 1 FROM views.applied_position)"
                + " OR EXISTS (SELECT 1 FROM views.applied_version)", Boolean.class);
    }

    /** Advances each partition's position past the last of these records (never backwards). */
    void advancePast(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        tables.batchUpdate(ADVANCE, next.entrySet().stream()
                .map(e -> new Object[]{e.getKey().topic(), e.getKey().partition(), e.getValue()}).toList());
    }
}
