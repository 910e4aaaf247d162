package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's figures move with what is recorded, and honour "as of" and "known at". */
class OverviewIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}""";

    @Test
    void aDealAddsToItsYearItsFlowAndItsStageButNotBeforeItWasReportedOrRecorded() {
        JsonNode before = get("/api/v1/overview?flows=200").getBody();
        Instant beforeRecording = Instant.now();
        String id = uniqueId("overview");
        String token = post("/api/v1/deals", """
                {"id": "%s", "supplier": "MNG", "recipient": "BTN", "reportedOn": "1963-05",
                 "items": [{"designation": "BTR-152", "description": "APC", "category": "ARMOURED_VEHICLES",
                            "quantity": 10}],
                 "stage": "CONTRACTED", "estimate": {"amount": 12.5, "currency": "TIV", "qualifier": "EXACT"},
                 %s}""".formatted(id, SOURCE)).getBody().path("consistencyToken").asText();
        token = ok(post("/api/v1/deals/" + id + "/deliveries", """
                {"tranche": {"deliveredOn": "1964", "items": [{"designation": "BTR-152", "quantity": 4}]}, %s}"""
                .formatted(SOURCE)));
        JsonNode after = get("/api/v1/overview?flows=200&waitFor=" + token).getBody();

        assertThat(after.path("deals").asInt()).isEqualTo(before.path("deals").asInt() + 1);
        assertThat(after.path("pendingDeals").asInt()).isEqualTo(before.path("pendingDeals").asInt() + 1);
        assertThat(year(after, 1963).path("deals").asInt()).isEqualTo(year(before, 1963).path("deals").asInt() + 1);
        assertThat(year(after, 1963).path("tivOrdered").decimalValue()
                .subtract(year(before, 1963).path("tivOrdered").decimalValue()))
                .as("the order's TIV in its year reported").isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(year(after, 1963).path("tiv").decimalValue()).as("TIV counts by year of delivery")
                .isEqualByComparingTo(year(before, 1963).path("tiv").decimalValue());
        assertThat(year(after, 1964).path("tiv").decimalValue().subtract(year(before, 1964).path("tiv").decimalValue()))
                .as("4 of 10 units at 1.25 each").isEqualByComparingTo(new BigDecimal("5"));
        JsonNode flow = flow(after, "MNG", "BTN");
        assertThat(flow.path("deals").asInt()).isEqualTo(flow(before, "MNG", "BTN").path("deals").asInt() + 1);
        assertThat(stage(after, "DELIVERING")).isEqualTo(stage(before, "DELIVERING") + 1);

        JsonNode earlier = get("/api/v1/overview?flows=200&asOf=1963-04-30").getBody();
        assertThat(flow(earlier, "MNG", "BTN").isMissingNode()).as("not yet reported on that day").isTrue();
        assertThat(earlier.path("approximate").asBoolean()).isFalse();
        JsonNode unknown = get("/api/v1/overview?flows=200&knownAt=" + beforeRecording).getBody();
        assertThat(unknown.path("deals").asInt()).as("not yet recorded at that instant")
                .isEqualTo(before.path("deals").asInt());
        JsonNode then = get("/api/v1/overview?flows=200&asOf=1963-12-31").getBody();
        assertThat(flow(then, "MNG", "BTN").path("tiv").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void aBadDateIsRefusedNamingTheParameter() {
        JsonNode problem = get("/api/v1/overview?asOf=June").getBody();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("asOf");
    }

    private static JsonNode year(JsonNode overview, int year) {
        for (JsonNode row : overview.path("byYear")) {
            if (row.path("year").asInt() == year) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode flow(JsonNode overview, String supplier, String recipient) {
        for (JsonNode row : overview.path("flows")) {
            if (row.path("supplier").asText().equals(supplier) && row.path("recipient").asText().equals(recipient)) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static int stage(JsonNode overview, String stage) {
        for (JsonNode row : overview.path("dealsByStage")) {
            if (row.path("stage").asText().equals(stage)) {
                return row.path("deals").asInt();
            }
        }
        return 0;
    }
}
