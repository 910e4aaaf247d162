package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At-least-once delivery: a record that arrives twice leaves every view as it was. */
@Tag("reliability")
class DuplicateDeliveryIT extends DyadIntegrationTest {

    @Test
    void aRecordDeliveredTwiceDoesNotChangeTheViews() throws Exception {
        String dealId = uniqueId("twice");
        String token = post("/api/v1/deals", dealReport(dealId, "ISR", "IND", 2_500_000_000L)).getBody()
                .path("consistencyToken").asText();
        JsonNode before = get("/api/v1/relationships/ISR/IND?waitFor=" + token).getBody();
        assertThat(ids(before.path("deals"), "dealId")).contains(dealId);
        var rowsBefore = viewStorage.rowCounts();

        RecordMetadata duplicate = TopicRecords.republishFirstTwice(bootstrapServers, topic, dealId);
        awaitConsumedPast(new TopicPartition(topic, duplicate.partition()), duplicate.offset());

        assertThat(get("/api/v1/relationships/ISR/IND").getBody()).isEqualTo(before);
        assertThat(viewStorage.rowCounts()).isEqualTo(rowsBefore);
        assertThat(get("/api/v1/deals/" + dealId).getBody().path("estimates")).hasSize(1);
    }

    /** Waits until the views' consumer group has committed an offset beyond the given record. */
    private void awaitConsumedPast(TopicPartition partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("dyad-views")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > offset;
            });
        }
    }
}
