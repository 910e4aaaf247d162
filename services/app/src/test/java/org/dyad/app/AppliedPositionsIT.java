package org.dyad.app;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.dyad.views.ingest.EventTopicListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The views read from the positions stored with their rows, whatever the consumer group's committed offsets say:
 * offsets committed past records the views do not hold (a view transaction lost after the offset commit) do not skip
 * them, and offsets never committed for records the views hold (a process killed between the view transaction and
 * the offset commit) do not apply them again.
 */
@Tag("reliability")
class AppliedPositionsIT extends DyadIntegrationTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Value("${dyad.views.consumer-group}")
    private String group;

    @Test
    void recordsBeyondTheStoredPositionAreAppliedThoughTheGroupCommittedPastThem() throws Exception {
        String first = uniqueId("stored");
        ok(post("/api/v1/deals", dealReport(first, "NOR", "SWE", 1_000_000L)));
        get("/api/v1/deals/" + first + "?waitFor=" + first + "@0");
        int partition = partitionOf(first);
        long applied = endOf(partition);

        MessageListenerContainer live = stopLiveViews();
        String missed;
        try {
            // A record in the same partition, published while the views do not read.
            missed = idInPartition("missed", partition);
            ok(post("/api/v1/deals", dealReport(missed, "NOR", "SWE", 2_000_000L)));
            await().atMost(Duration.ofSeconds(30)).until(() -> endOf(partition) > applied);
            // The group's offsets as if it had committed everything, though the views hold none of it.
            commitGroupOffsets(endOffsets());
        } finally {
            live.start();
        }

        assertThat(get("/api/v1/deals/" + missed + "?waitFor=" + missed + "@0").getStatusCode())
                .as("a record the group's offsets had passed, applied from the stored position")
                .isEqualTo(HttpStatus.OK);
        assertThat(viewStorage.appliedPositions().get(partition)).isEqualTo(endOf(partition));
    }

    @Test
    void recordsBelowTheStoredPositionAreNotReadAgainThoughTheGroupNeverCommittedThem() throws Exception {
        String held = uniqueId("held");
        ok(post("/api/v1/deals", dealReport(held, "FIN", "EST", 1_000_000L)));
        get("/api/v1/deals/" + held + "?waitFor=" + held + "@0");
        var version = viewStorage.appliedVersion(held);

        MessageListenerContainer live = stopLiveViews();
        try {
            // The group's offsets as if no commit had ever happened.
            Map<TopicPartition, Long> beginning = new HashMap<>();
            endOffsets().keySet().forEach(p -> beginning.put(p, 0L));
            commitGroupOffsets(beginning);
            // Forget that the record was applied, so that reading it again would apply it again (and fail on
            // its event's key in the log): only the stored position keeps it from being read.
            viewStorage.setAppliedVersion(held, -1);
            live.start();

            String next = uniqueId("next");
            ok(post("/api/v1/deals", dealReport(next, "FIN", "EST", 2_000_000L)));
            assertThat(get("/api/v1/deals/" + next + "?waitFor=" + next + "@0").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(viewStorage.appliedVersion(held).version()).as("version of a record not read again")
                    .isEqualTo(-1L);
            assertThat(viewStorage.loggedEventCount(held)).isEqualTo(1L);
        } finally {
            viewStorage.setAppliedVersion(held, version);
            if (!live.isRunning()) {
                live.start();
            }
        }
    }

    private MessageListenerContainer stopLiveViews() {
        MessageListenerContainer live = listeners.getListenerContainer(EventTopicListener.ID);
        live.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !live.isRunning());
        return live;
    }

    private void commitGroupOffsets(Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((p, o) -> commit.put(p, new OffsetAndMetadata(o)));
        try (Admin admin = admin()) {
            // The group is empty once its only member stopped; the broker may take a moment to see it so.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets(group, commit).all().get());
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, Long> ends = new HashMap<>();
        int partitions = partitions();
        for (int p = 0; p < partitions; p++) {
            ends.put(new TopicPartition(topic, p), 0L);
        }
        TopicRecords.readAll(bootstrapServers, topic).forEach(r ->
                ends.merge(new TopicPartition(topic, r.partition()), r.offset() + 1, Math::max));
        return ends;
    }

    private long endOf(int partition) {
        return endOffsets().get(new TopicPartition(topic, partition));
    }

    private int partitions() {
        try (Admin admin = admin()) {
            return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partition the publisher's producer chooses for a record's key. */
    private int partitionOf(String key) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions());
    }

    private String idInPartition(String prefix, int partition) {
        while (true) {
            String id = uniqueId(prefix);
            if (partitionOf(id) == partition) {
                return id;
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
