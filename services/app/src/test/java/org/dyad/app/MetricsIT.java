package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.app.deploy.DeploymentFilesTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} is for admins only and shows Dyad's own meters — publication lag, commands by command
 * and answer, import rows, dead letters — beside the views' Kafka consumer lag, the database pool and HTTP
 * metrics, with values that follow what the test did. Every metric the alert rules in deploy/prometheus use exists.
 */
class MetricsIT extends DyadIntegrationTest {

    /** Each sample line of the Prometheus text format as "name{labels}" → value. */
    private Map<String, Double> scrape() {
        ResponseEntity<String> answer = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Double> samples = new HashMap<>();
        answer.getBody().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int split = line.lastIndexOf(' ');
            samples.put(line.substring(0, split), Double.valueOf(line.substring(split + 1)));
        });
        return samples;
    }

    private static double sum(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream()
                .filter(s -> s.getKey().equals(name) || s.getKey().startsWith(name + "{"))
                .filter(s -> java.util.Arrays.stream(labels).allMatch(s.getKey()::contains))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static boolean has(Map<String, Double> samples, String name) {
        return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    @Test
    void onlyAdminsReadTheMetrics() {
        assertThat(as(null, null).getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("viewer", "viewer-local").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("analyst", "analyst-local").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(null, null).getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .as("probes stay open").isEqualTo(HttpStatus.OK);
    }

    @Test
    void theMetersFollowCommandsPublicationAndImports() {
        Map<String, Double> before = scrape();
        String token = null;
        long head = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode answer = post("/api/v1/deals", dealReport(uniqueId("metered"), "NOR", "POL", i)).getBody();
            token = answer.path("consistencyToken").asText();
            head = answer.path("position").asLong();
        }
        assertThat(post("/api/v1/deals", "{\"supplier\": \"NOR\"").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/relationships/NOR/POL?waitFor=" + token).getHeaders().getFirst("Dyad-Consistent"))
                .isEqualTo("true");
        JsonNode job = importOneUnknownActorRow();
        assertThat(job.path("rejected").asInt()).isEqualTo(1);

        Map<String, Double> after = scrape();
        String accepted = "dyad_commands_total";
        assertThat(sum(after, accepted, "command=\"ReportSale\"", "outcome=\"accepted\"", "status=\"201\"")
                - sum(before, accepted, "command=\"ReportSale\"", "outcome=\"accepted\"", "status=\"201\""))
                .isEqualTo(3);
        assertThat(sum(after, accepted, "command=\"ReportSale\"", "outcome=\"refused\"", "status=\"400\"")
                - sum(before, accepted, "command=\"ReportSale\"", "outcome=\"refused\"", "status=\"400\""))
                .isEqualTo(1);
        assertThat(sum(after, "dyad_import_rows_total", "outcome=\"REJECTED\"")
                - sum(before, "dyad_import_rows_total", "outcome=\"REJECTED\"")).isEqualTo(1);
        // The refused command and the rejected row stored nothing: after the last accepted command's event come only
        // the release's record of the import (and of the release itself, when this import is its first).
        assertThat(sum(after, "dyad_ledger_head_position")).isBetween((double) head + 1, (double) head + 2);
        // The views have every event, so Kafka acknowledged every one: nothing waits for publication.
        long stored = (long) sum(after, "dyad_ledger_head_position");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> now = scrape();
            assertThat(sum(now, "dyad_publisher_lag")).isZero();
            assertThat(sum(now, "dyad_publisher_position")).isGreaterThanOrEqualTo((double) stored);
        });
        assertThat(sum(after, "dyad_views_dead_letters")).as("the parked records an admin lists").isEqualTo(
                get("/api/v1/admin/dead-letters").getBody().path("total").asDouble());
        assertThat(has(after, "kafka_consumer_fetch_manager_records_lag_max")).as("views' consumer lag").isTrue();
        assertThat(has(after, "hikaricp_connections_pending")).isTrue();
        assertThat(sum(after, "http_server_requests_seconds_count", "uri=\"/api/v1/deals\"", "status=\"201\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.keySet()).as("Axon's per-message meters are off unless asked for (DYAD_AXON_METRICS)")
                .noneMatch(k -> k.startsWith("eventProcessor") || k.startsWith("commandBus")
                        || k.startsWith("eventStore"));
    }

    @Test
    void everyMetricTheAlertRulesReadIsExposed() throws Exception {
        Map<String, Double> samples = scrape();
        for (String metric : DeploymentFilesTest.alertedMetrics()) {
            assertThat(has(samples, metric)).as("%s is exposed", metric).isTrue();
        }
    }

    @Test
    void everyPanelOfTheGrafanaDashboardReadsAMeterDyadExposes() throws Exception {
        // commands and import rows are counted from the first of each
        ok(post("/api/v1/deals", dealReport(uniqueId("dashboard"), "NOR", "FIN", 1)));
        importOneUnknownActorRow();
        Map<String, Double> samples = scrape();
        DeploymentFilesTest.dashboardQueries().forEach((panel, expressions) -> expressions.forEach(expression -> {
            for (String metric : DeploymentFilesTest.metricsIn(expression)) {
                assertThat(has(samples, metric)).as("panel '%s' reads %s", panel, metric).isTrue();
            }
        }));
    }

    private JsonNode importOneUnknownActorRow() {
        // the sample's release, which the other imports of this Dyad are too
        String csv = "Data generated: 13 Mar 2025 10:02:49 AM\n"
                + "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
                + "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
                + "SIPRI TIV of delivered weapons\nAtlantis,Norway,2022,,3,,NASAMS,SAM system,,,,New,,,,\n";
        JsonNode job = importSipri(csv.getBytes(StandardCharsets.UTF_8), "one-row.csv");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
        return job;
    }
}
