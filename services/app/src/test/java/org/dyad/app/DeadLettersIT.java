package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records are parked with their reason; the views keep moving; a readable parked record can be retried. It
 * parks records by hand that never were on the topic, so it runs on a Dyad of its own.
 */
@Tag("reliability")
@DirtiesContext
@TestPropertySource(properties = "dyad.test.scenario=dead-letters")
class DeadLettersIT extends DyadIntegrationTest {

    @Test
    void aPoisonRecordIsParkedAndTheViewsKeepMoving() throws Exception {
        String before = uniqueId("before-poison");
        String first = post("/api/v1/deals", dealReport(before, "EST", "FIN", 1)).getBody().path("consistencyToken")
                .asText();
        assertThat(get("/api/v1/deals/" + before + "?waitFor=" + first).getStatusCode()).isEqualTo(HttpStatus.OK);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "poison", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            RecordHeaders unknownType = new RecordHeaders();
            unknownType.add("ce_specversion", "1.0".getBytes());
            unknownType.add("ce_id", "x-1".getBytes());
            unknownType.add("ce_source", "urn:elsewhere".getBytes());
            unknownType.add("ce_type", "org.elsewhere.Unknown.v1".getBytes());
            producer.send(new ProducerRecord<>(topic, null, "stranger", "{}".getBytes(), unknownType)).get();
        }
        String after = uniqueId("after-poison");
        String token = post("/api/v1/deals", dealReport(after, "EST", "FIN", 1)).getBody().path("consistencyToken")
                .asText();
        assertThat(get("/api/v1/deals/" + after + "?waitFor=" + token).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/admin/dead-letters?size=500").getBody(),
                d -> ids(d.path("items"), "key").containsAll(List.of("poison", "stranger")));
        JsonNode stranger = null;
        for (JsonNode item : parked.path("items")) {
            if ("stranger".equals(item.path("key").asText())) {
                stranger = item;
            }
        }
        assertThat(stranger.path("reason").asText()).contains("unknown event type 'org.elsewhere.Unknown.v1'");
        ResponseEntity<JsonNode> retry = http.postForEntity("/api/v1/admin/dead-letters/"
                + stranger.path("id").asLong() + "/retry", null, JsonNode.class);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aParkedRecordThatCanBeReadNowIsAppliedOnRetry() throws Exception {
        String dealId = uniqueId("parked");
        SaleReported sale = new SaleReported(dealId, "EST", "LVA", List.of(DealItem.of("CV90", "IFV", 2)),
                DealStage.CONTRACTED, PartialDate.parse("2019"), null, null,
                new Provenance(new Source("SIPRI", "Trade register", null, PartialDate.parse("2025"), null, null),
                        null, Instant.now(), "analyst"));
        CloudEvent event = DyadCloudEvents.encode("parked-" + dealId, dealId, 0, 999_999, Instant.now(), sale);
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            value = serializer.serialize(topic, headers, event);
        }
        StringBuilder headerJson = new StringBuilder("{");
        headers.forEach(h -> headerJson.append(headerJson.length() > 1 ? "," : "").append('"').append(h.key())
                .append("\":\"").append(new String(h.value(), StandardCharsets.UTF_8)).append('"'));
        headerJson.append('}');
        long id = viewStorage.parkDeadLetter(topic, 900_000_000L + (long) (Math.random() * 1000), dealId,
                headerJson.toString(), value, "database was unavailable");
        assertThat(ids(get("/api/v1/admin/dead-letters?size=500").getBody().path("items"), "id"))
                .contains(Long.toString(id));

        ResponseEntity<JsonNode> retry = http.postForEntity("/api/v1/admin/dead-letters/" + id + "/retry", null,
                JsonNode.class);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody().path("applied").asBoolean()).isTrue();
        assertThat(get("/api/v1/deals/" + dealId).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(get("/api/v1/admin/dead-letters?size=500").getBody().path("items"), "id"))
                .as("the applied record left the dead letters").doesNotContain(Long.toString(id));
    }
}
