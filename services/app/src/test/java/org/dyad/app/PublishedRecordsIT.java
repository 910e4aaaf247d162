package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.wire.EventSchemas;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dyad.app.TopicRecords.header;

/** What a plain Kafka consumer sees: one binary-mode CloudEvent per stored event, keyed by aggregate. */
class PublishedRecordsIT extends DyadIntegrationTest {

    @Test
    void aRecordedSaleIsPublishedAsACloudEventKeyedByTheDeal() throws Exception {
        String dealId = uniqueId("published");
        HttpHeaders audit = new HttpHeaders();
        audit.setContentType(MediaType.APPLICATION_JSON);
        audit.set("X-Correlation-Id", "req-" + dealId);
        audit.set("Dyad-Client", "newsroom-importer/2.1");
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/deals",
                new HttpEntity<>(dealReport(dealId, "RUS", "VNM", 7_000_000_000L), audit), JsonNode.class);
        assertThat(created.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("req-" + dealId);

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicRecords.readAll(bootstrapServers, topic).stream()
                        .filter(r -> dealId.equals(r.key())).findFirst().orElse(null),
                r -> r != null);

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("org.dyad.deal.SaleReported.v2");
        assertThat(header(record, "ce_dataschema"))
                .isEqualTo("urn:dyad:schema:org.dyad.deal.SaleReported.v2");
        // the schema's name resolves: Dyad serves it to anyone, and it names itself the same way
        ResponseEntity<JsonNode> schema = as(null, null).getForEntity(
                EventSchemas.servedPath(header(record, "ce_type")).orElseThrow(), JsonNode.class);
        assertThat(schema.getStatusCode().value()).isEqualTo(200);
        assertThat(schema.getHeaders().getCacheControl()).contains("public");
        assertThat(schema.getBody().path("$id").asText()).isEqualTo(header(record, "ce_dataschema"));
        assertThat(header(record, "ce_source")).isEqualTo("urn:dyad:ledger");
        assertThat(header(record, "ce_subject")).isEqualTo(dealId);
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_dyadsequence")).isEqualTo("0");
        assertThat(Long.parseLong(header(record, "ce_dyadposition"))).isPositive();
        assertThat(header(record, "ce_dyadclient")).isEqualTo("newsroom-importer/2.1");
        assertThat(header(record, "ce_dyadcorrelation")).isEqualTo("req-" + dealId);
        JsonNode entry = get("/api/v1/timeline?parties=RUS,VNM&waitFor=" + created.getBody()
                .path("consistencyToken").asText()).getBody().path("items").get(0);
        String eventId = entry.path("eventId").asText();
        assertThat(header(record, "ce_id")).as("the id the views show for the event").isEqualTo(eventId);
        assertThat(entry.path("correlationId").asText()).isEqualTo("req-" + dealId);
        assertThat(entry.path("client").asText()).isEqualTo("newsroom-importer/2.1");
        assertThat(entry.path("provenance").path("recordedBy").asText()).isEqualTo(ADMIN);

        JsonNode value = json.readTree(record.value());
        assertThat(value.path("dealId").asText()).isEqualTo(dealId);
        assertThat(value.path("supplier").asText()).isEqualTo("RUS");
        assertThat(value.path("reportedOn").asText()).isEqualTo("2001-03");
        assertThat(value.path("estimates").get(0).path("qualifier").asText()).isEqualTo("COULD_REACH");
        assertThat(value.path("provenance").path("source").path("publisher").asText()).isEqualTo("Los Angeles Times");
        assertThat(value.path("provenance").path("recordedBy").asText()).isEqualTo(ADMIN);
        assertThat(new String(record.value())).doesNotContain("org.dyad.contracts");
        assertThat(value).as("the stored JSON, passed on").isEqualTo(json.readTree(ledgerStorage.payload(eventId)));
    }

    @Test
    void everyStoredEventReachesTheTopic() {
        for (int i = 0; i < 5; i++) {
            post("/api/v1/deals", dealReport(uniqueId("each"), "CHN", "PAK", 100 + i));
        }
        Set<String> stored = ledgerStorage.eventIds();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = TopicRecords.readAll(bootstrapServers, topic);
            Set<String> published = new HashSet<>();
            records.forEach(r -> published.add(header(r, "ce_id")));
            assertThat(published).containsAll(stored);
        });
        assertThat(SchemaCheckingInterceptor.checked()).as("records checked against their schemas")
                .isGreaterThanOrEqualTo(stored.size());
    }
}
