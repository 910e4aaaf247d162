package org.dyad.views.ingest;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.dyad.views.ViewsConfiguration;
import org.dyad.views.projection.ViewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subscribes the views to the event topic. Each poll's records are applied in one database transaction, which also
 * stores how far the views have read each partition ({@link AppliedPositions}). Those stored positions, not the
 * consumer group's committed offsets, say where to read: the subscriber seeks to them whenever it is given
 * partitions (on start, after a rebalance or a hand-over between instances), when a batch would skip past them, and
 * when it idles ahead of them (after a rebuild brought its own positions). The group's offsets are still committed
 * after each batch, so that Kafka's lag figures stay meaningful.
 */
@Component
public class EventTopicListener extends AbstractConsumerSeekAware {

    /** The listener container's id, e.g. to pause it while a rebuild takes over. */
    public static final String ID = "dyad-views";

    private static final Logger log = LoggerFactory.getLogger(EventTopicListener.class);

    private final EventBatchApplier applier;
    private final AppliedPositions positions;

    EventTopicListener(ViewTables liveViewTables, TransactionTemplate transaction) {
        this.applier = new EventBatchApplier(liveViewTables, transaction);
        this.positions = new AppliedPositions(liveViewTables);
    }

    @KafkaListener(id = ID, topics = "${dyad.views.topic:dyad.events}",
            containerFactory = ViewsConfiguration.CONTAINER_FACTORY)
    void onRecords(List<ConsumerRecord<String, CloudEvent>> records, Consumer<?, ?> consumer) {
        Set<TopicPartition> gone = new HashSet<>();
        while (true) {
            try {
                applier.apply(records, gone);
                return;
            } catch (PositionGapException gap) {
                Set<TopicPartition> removed = removedFromTopic(gap, consumer);
                if (removed.isEmpty() || gone.containsAll(removed)) {
                    resumeAtStoredPositions(gap, consumer);
                    return;
                }
                gone.addAll(removed);
            }
        }
    }

    /**
     * Where the views have stored a position, reading starts there. Views that hold nothing yet read from the
     * beginning, whatever offsets the group committed before; a partition without a stored position in views that
     * hold records keeps the group's committed offset. If the database cannot be asked now, reading starts at the
     * committed offsets and each batch is held to the stored positions once the database answers.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        Map<TopicPartition, Long> stored;
        boolean fresh;
        try {
            stored = positions.of(assignments.keySet());
            fresh = stored.isEmpty() && positions.none();
        } catch (DataAccessException e) {
            log.warn("Views' stored positions unreadable ({}); reading {} from the group's offsets", e.getMessage(),
                    assignments.keySet());
            return;
        }
        for (TopicPartition partition : assignments.keySet()) {
            Long next = stored.get(partition);
            if (next != null) {
                callback.seek(partition.topic(), partition.partition(), next);
            } else if (fresh) {
                callback.seekToBeginning(partition.topic(), partition.partition());
            }
        }
        log.info("Views reading partitions {} from stored positions {}{}", assignments.keySet(), stored,
                fresh ? " (views empty: from the beginning)" : "");
    }

    /** An idle subscriber whose views stand behind its reading position (a rebuild took over) reads again. */
    @Override
    public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Map<TopicPartition, Long> stored;
        try {
            stored = positions.of(assignments.keySet());
        } catch (DataAccessException e) {
            log.debug("Views' stored positions unreadable while idle: {}", e.getMessage());
            return;
        }
        stored.forEach((partition, next) -> {
            Long reading = assignments.get(partition);
            if (reading != null && next < reading) {
                log.info("Views of {} stand at {}, reading was at {}: reading from {}", partition, next, reading,
                        next);
                callback.seek(partition.topic(), partition.partition(), next);
            }
        });
    }

    /**
     * Moves every partition this instance reads to the position its views have stored, e.g. once a rebuilt schema
     * with its own positions has taken the place of the live one. The seeks happen on the consumers' threads before
     * their next poll.
     */
    public void continueFromStoredPositions() {
        Map<TopicPartition, ConsumerSeekCallback> callbacks = getSeekCallbacks();
        Map<TopicPartition, Long> stored = positions.of(callbacks.keySet());
        callbacks.forEach((partition, callback) -> {
            Long next = stored.get(partition);
            if (next != null) {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        });
    }

    private static Set<TopicPartition> removedFromTopic(PositionGapException gap, Consumer<?, ?> consumer) {
        Set<TopicPartition> removed = new HashSet<>();
        consumer.beginningOffsets(gap.storedPositions().keySet()).forEach((partition, logStart) -> {
            if (logStart > gap.storedPositions().get(partition)) {
                log.error("Records {}-{} of {} were removed from the topic before the views applied them;"
                        + " the views continue after them", gap.storedPositions().get(partition), logStart - 1,
                        partition);
                removed.add(partition);
            }
        });
        return removed;
    }

    private static void resumeAtStoredPositions(PositionGapException gap, Consumer<?, ?> consumer) {
        log.info("A batch began beyond the views' stored positions {}; reading from there",
                gap.storedPositions());
        gap.batchStarts().forEach((partition, start) ->
                consumer.seek(partition, gap.storedPositions().getOrDefault(partition, start)));
    }
}
