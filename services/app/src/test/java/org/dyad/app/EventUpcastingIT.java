package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Version 1 of {@code SaleReported} (one optional estimate) still works after version 2 (a list of estimates):
 * events stored as v1 load into the aggregate and reach the views as v2, and v1 records already on the topic are read
 * as v2 by the views.
 */
class EventUpcastingIT extends DyadIntegrationTest {

    private static String v1Payload(String dealId) {
        return """
                {"dealId": "%s", "supplier": "RUS", "recipient": "IND",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantityUncertain": false}],
                 "stage": "CONTRACTED", "reportedOn": "2018-10",
                 "estimate": {"amount": 5430000000, "currency": "USD", "qualifier": "ABOUT", "basis": "CURRENT"},
                 "provenance": {"source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025"},
                                "recordedAt": "2019-01-02T03:04:05Z", "recordedBy": "analyst"}}""".formatted(dealId);
    }

    @Test
    void aVersionOneEventInTheStoreLoadsAndReachesTheViewsAsVersionTwo() throws Exception {
        String dealId = uniqueId("stored-v1");
        ledgerStorage.insert(dealId, 0, "Deal", UUID.randomUUID().toString(),
                "org.dyad.contracts.deal.SaleReported", v1Payload(dealId), "2019-01-02T03:04:05Z");

        JsonNode deal = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/deals/" + dealId),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(deal.path("estimates").get(0).path("estimate").path("amount").decimalValue())
                .isEqualByComparingTo("5430000000");
        assertThat(deal.path("history").get(0).path("event").path("estimates")).hasSize(1);
        ConsumerRecord<String, byte[]> published = TopicRecords.readAll(bootstrapServers, topic).stream()
                .filter(r -> dealId.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicRecords.header(published, "ce_type")).isEqualTo("org.dyad.deal.SaleReported.v2");
        JsonNode data = json.readTree(published.value());
        assertThat(data.has("estimate")).as("version 1's field").isFalse();
        assertThat(data.path("estimates").get(0).path("amount").decimalValue()).isEqualByComparingTo("5430000000");

        assertThat(post("/api/v1/deals/" + dealId + "/deliveries", """
                {"tranche": {"deliveredOn": "2021-12", "items": [{"designation": "S-400", "quantity": 1}]},
                 "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025"}}""")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aVersionOneRecordOnTheTopicIsReadAsVersionTwo() throws Exception {
        post("/api/v1/deals", dealReport(uniqueId("topic-exists"), "RUS", "IND", 1));
        String dealId = uniqueId("published-v1");
        CloudEvent v1 = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(DyadCloudEvents.SOURCE)
                .withType("org.dyad.deal.SaleReported.v1").withSubject(dealId).withTime(Instant.now()
                        .atOffset(java.time.ZoneOffset.UTC)).withDataContentType("application/json")
                .withExtension(DyadCloudEvents.SEQUENCE, "0").withExtension(DyadCloudEvents.POSITION, "1")
                .withData(v1Payload(dealId).getBytes(StandardCharsets.UTF_8)).build();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, dealId, v1)).get();
        }
        JsonNode deal = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/deals/" + dealId),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(deal.path("latestEstimates").get(0).path("estimate").path("qualifier").asText()).isEqualTo("ABOUT");
    }
}
