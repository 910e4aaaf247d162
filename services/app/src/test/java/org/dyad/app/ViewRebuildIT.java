package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.views.rebuild.ViewRebuild;
import org.dyad.views.storage.ViewStorage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild from the start of the topic gives exactly the live views (every column of every table but those that say
 * when and in how many transactions rows were written, {@link ViewStorage#NOT_REPRODUCED}), with the same indexes
 * (some are built only after the replay), and the views keep answering meanwhile.
 */
class ViewRebuildIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}""";

    /**
     * Every row of the views' tables, but the dead letters: other tests of this context retry parked records, which
     * an operator does, not the topic.
     */
    private Map<String, List<String>> reproducibleRows() {
        Map<String, List<String>> rows = viewStorage.everyRow("views");
        rows.remove("dead_letter");
        return rows;
    }

    @Test
    void rebuiltViewsEqualTheLiveOnes() {
        String deal = uniqueId("rebuilt");
        post("/api/v1/deals", dealReport(deal, "FRA", "GRC", 3_000_000_000L));
        post("/api/v1/deals/" + deal + "/estimates", """
                {"estimate": {"amount": 2500000000, "currency": "EUR", "qualifier": "ABOUT"}, "estimatedOn": "2021",
                 %s}""".formatted(SOURCE));
        String reportEvent = eventIdOf(deal, 0);
        post("/api/v1/records/" + deal + "/corrections", """
                {"eventId": "%s", "reason": "month known", "changes": {"reportedOn": "2001-04"}, %s}"""
                .formatted(reportEvent, SOURCE));
        String token = post("/api/v1/agreements", """
                {"title": "Strategic partnership", "kind": "AGREEMENT", "parties": ["FRA", "GRC"],
                 "signedOn": "2021-09-28", %s}""".formatted(SOURCE)).getBody().path("consistencyToken").asText();
        getConsistent("/api/v1/deals?status=ALL", token, deal + "@2");
        Map<String, List<String>> live = reproducibleRows();
        List<String> liveIndexes = viewStorage.indexDefinitions();

        ResponseEntity<JsonNode> started = http.postForEntity("/api/v1/admin/rebuilds", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(get("/api/v1/relationships/FRA/GRC").getStatusCode()).isEqualTo(HttpStatus.OK);
        String job = started.getHeaders().getLocation().toString();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> get(job).getBody(),
                p -> p.path("phase").asText().matches("DONE|FAILED"));

        assertThat(done.path("phase").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(KafkaClientConfigs.all()).as("the rebuild's consumer, outside any group")
                .filteredOn(c -> "consumer".equals(KafkaClientSettingsIT.kind(c)) && !c.containsKey("group.id"))
                .isNotEmpty().allSatisfy(KafkaClientSettingsIT::assertCarriesSpringKafkaSettings);
        assertThat(done.path("eventsDone").asLong()).isEqualTo(done.path("eventsTotal").asLong()).isPositive();
        Map<String, List<String>> rebuilt = reproducibleRows();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        live.forEach((table, rows) -> assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(rows));
        // The rebuilt views came with the positions they reached: the end of every partition that has records.
        Map<Integer, Long> ends = new java.util.TreeMap<>();
        TopicRecords.readAll(bootstrapServers, topic).forEach(r -> ends.merge(r.partition(), r.offset() + 1, Math::max));
        assertThat(viewStorage.appliedPositions()).as("positions swapped in with the rebuilt views").isEqualTo(ends);
        assertThat(viewStorage.indexDefinitions()).containsExactlyElementsOf(liveIndexes);
        assertThat(viewStorage.indexNames())
                .containsAll(ViewRebuild.BUILT_AFTER_REPLAY);
        assertThat(get("/api/v1/deals/" + deal).getBody().path("reportedOn").asText()).isEqualTo("2001-04");

        String after = uniqueId("after");
        String afterToken = post("/api/v1/deals", dealReport(after, "FRA", "GRC", 1)).getBody()
                .path("consistencyToken").asText();
        assertThat(get("/api/v1/deals/" + after + "?waitFor=" + afterToken).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
