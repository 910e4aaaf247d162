package org.dyad.views.ingest;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * A batch began beyond the position its views have reached in a partition: applying it would skip the records in
 * between. Nothing of the batch was applied; the consumer resumes at {@link #storedPositions()} instead.
 */
public class PositionGapException extends RuntimeException {

    private final transient Map<TopicPartition, Long> storedPositions;
    private final transient Map<TopicPartition, Long> batchStarts;

    PositionGapException(Map<TopicPartition, Long> storedPositions, Map<TopicPartition, Long> batchStarts) {
        super("batch begins beyond the applied positions " + storedPositions + " (batch starts " + batchStarts + ")");
        this.storedPositions = Map.copyOf(storedPositions);
        this.batchStarts = Map.copyOf(batchStarts);
    }

    /** The stored next offset of each partition whose batch began beyond it. */
    public Map<TopicPartition, Long> storedPositions() {
        return storedPositions;
    }

    /** The first offset of each partition in the batch. */
    public Map<TopicPartition, Long> batchStarts() {
        return batchStarts;
    }
}
