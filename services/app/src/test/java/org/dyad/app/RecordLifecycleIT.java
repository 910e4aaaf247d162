package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Transitions, estimates, corrections and retractions recorded through REST, as the views show them. */
class RecordLifecycleIT extends DyadIntegrationTest {

    @Test
    void aDealMovesThroughItsLifecycleAndItsSupersessionIsLinkedBothWays() {
        String id = uniqueId("s300");
        String next = uniqueId("s400");
        ok(post("/api/v1/deals", dealReport(id, "RUS", "CHN", 1_000_000_000L)));
        ok(post("/api/v1/deals", dealReport(next, "RUS", "CHN", 3_000_000_000L)));
        ok(post("/api/v1/deals/" + id + "/negotiation", "{\"on\": \"2001-06\", " + SIPRI_SOURCE + "}"));
        ok(post("/api/v1/deals/" + id + "/contract", "{\"on\": \"2002\", " + SIPRI_SOURCE + "}"));
        ok(post("/api/v1/deals/" + id + "/deliveries", """
                {"tranche": {"deliveredOn": "2003", "items": [{"designation": "S-300", "quantity": 2}]}, %s}"""
                .formatted(SIPRI_SOURCE)));
        ok(post("/api/v1/deals/" + id + "/suspension", "{\"on\": \"2004\", \"reason\": \"payment dispute\", "
                + SIPRI_SOURCE + "}"));
        ok(post("/api/v1/deals/" + id + "/resumption", "{\"on\": \"2005\", " + SIPRI_SOURCE + "}"));
        String token = ok(post("/api/v1/deals/" + id + "/supersession", "{\"on\": \"2006\", \"supersededBy\": \""
                + next + "\", " + SIPRI_SOURCE + "}"));

        JsonNode deal = get("/api/v1/deals/" + id + "?waitFor=" + token).getBody();
        assertThat(deal.path("stage").asText()).isEqualTo("DELIVERING");
        assertThat(deal.path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(deal.path("supersededBy").asText()).isEqualTo(next);
        assertThat(deal.path("deliveries").get(0).path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(deal.path("history").findValuesAsText("type")).containsExactly("SaleReported",
                "NegotiationOpened", "ContractConcluded", "DeliveryRecorded", "DealSuspended", "DealResumed",
                "DealSuperseded");
        assertThat(get("/api/v1/deals/" + next).getBody().path("supersedes").toString()).contains(id);
        JsonNode pending = get("/api/v1/deals?status=PENDING&supplier=RUS&recipient=CHN&size=500").getBody()
                .path("items");
        assertThat(ids(pending, "dealId")).contains(next).doesNotContain(id);
        for (JsonNode listed : pending) {
            if (listed.path("dealId").asText().equals(next)) {
                assertThat(listed.path("supersedes").toString()).as("as listed").isEqualTo("[\"" + id + "\"]");
            }
        }

        // the suspension is dated "2004": possibly in effect during the year, surely from its last day
        JsonNode mid2004 = get("/api/v1/deals/" + id + "?asOf=2004-06-01").getBody();
        assertThat(mid2004.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(mid2004.path("possibly").path("status").asText()).isEqualTo("SUSPENDED");
        JsonNode end2004 = get("/api/v1/deals/" + id + "?asOf=2004-12-31").getBody();
        assertThat(end2004.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(end2004.path("statusReason").asText()).isEqualTo("payment dispute");
    }

    @Test
    void conflictingEstimatesStaySideBySideWithTheirSources() {
        String id = uniqueId("claims");
        ok(post("/api/v1/deals", dealReport(id, "USA", "SAU", 110_000_000_000L)));
        String token = ok(post("/api/v1/deals/" + id + "/estimates", """
                {"estimate": {"low": 28000000000, "high": 50000000000, "currency": "USD", "qualifier": "ABOUT",
                              "scope": "contracts actually signed"},
                 "estimatedOn": "2018-10", %s}""".formatted(SIPRI_SOURCE)));

        JsonNode deal = get("/api/v1/deals/" + id + "?waitFor=" + token).getBody();
        assertThat(deal.path("latestEstimates")).hasSize(2);
        assertThat(deal.path("latestEstimates").findValuesAsText("sourceId").stream()
                .map(sourceId -> deal.path("sources").path(sourceId).path("publisher").asText()))
                .containsExactlyInAnyOrder("Los Angeles Times", "SIPRI");
        assertThat(deal.path("sourceIds")).hasSize(2);
        assertThat(deal.path("sources").size()).as("each source named once").isEqualTo(2);
    }

    @Test
    void aCorrectionShowsInTheViewsHistoryKeepsBothAndAnEarlierKnowledgeTimeSeesTheOriginal() {
        String id = uniqueId("corrected");
        ok(post("/api/v1/deals", dealReport(id, "DEU", "EGY", 2_000_000_000L)));
        String reportEvent = eventIdOf(id, 0);
        Instant beforeCorrection = Instant.now();
        String token = ok(post("/api/v1/records/" + id + "/corrections", """
                {"eventId": "%s", "reason": "the report said DEM, not USD",
                 "changes": {"estimates": [{"amount": 2000000000, "currency": "DEM", "qualifier": "COULD_REACH"}],
                             "reportedOn": "2001-02"},
                 %s}""".formatted(reportEvent, SIPRI_SOURCE)));

        JsonNode deal = get("/api/v1/deals/" + id + "?waitFor=" + token).getBody();
        assertThat(deal.path("latestEstimates").get(0).path("estimate").path("currency").asText()).isEqualTo("DEM");
        assertThat(deal.path("reportedOn").asText()).isEqualTo("2001-02");
        JsonNode entry = deal.path("history").get(0);
        assertThat(entry.path("original").path("estimates").get(0).path("currency").asText()).isEqualTo("USD");
        assertThat(entry.path("corrections").get(0).path("reason").asText()).contains("DEM, not USD");

        JsonNode before = get("/api/v1/deals/" + id + "?knownAt=" + beforeCorrection).getBody();
        assertThat(before.path("latestEstimates").get(0).path("estimate").path("currency").asText()).isEqualTo("USD");
    }

    @Test
    void aCorrectionOfAFixedFieldIsRefused() {
        String id = uniqueId("fixed");
        ok(post("/api/v1/deals", dealReport(id, "DEU", "EGY", 1)));
        String reportEvent = eventIdOf(id, 0);
        ResponseEntity<JsonNode> response = post("/api/v1/records/" + id + "/corrections", """
                {"eventId": "%s", "reason": "wrong buyer", "changes": {"recipient": "ISR"}, %s}"""
                .formatted(reportEvent, SIPRI_SOURCE));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("changes.recipient");
    }

    @Test
    void aRetractedReportTakesItsDealOutOfTheViewsButNotOutOfTheStore() {
        String id = uniqueId("hoax");
        ok(post("/api/v1/deals", dealReport(id, "PRK", "IRN", 1)));
        String reportEvent = eventIdOf(id, 0);
        ResponseEntity<JsonNode> retraction = post("/api/v1/records/" + id + "/retractions",
                "{\"eventId\": \"" + reportEvent + "\", \"reason\": \"the source invented it\", "
                        + SIPRI_SOURCE + "}");
        String token = ok(retraction);
        assertThat(retraction.getBody().path("version").asLong()).as("the retraction follows the report")
                .isEqualTo(1);
        get("/api/v1/deals?status=ALL&waitFor=" + token);

        assertThat(get("/api/v1/deals/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids(get("/api/v1/relationships/PRK/IRN").getBody().path("deals"), "dealId"))
                .doesNotContain(id);
        assertThat(eventIdOf(id, 1)).as("the retraction, published after the report it retracts")
                .isNotEqualTo(reportEvent);
        ResponseEntity<JsonNode> again = post("/api/v1/records/" + id + "/retractions",
                "{\"eventId\": \"" + reportEvent + "\", \"reason\": \"twice\", " + SIPRI_SOURCE + "}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aWithdrawalShowsAsNotifiedUntilItTakesEffect() {
        String id = uniqueId("abm");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Anti-Ballistic Missile Treaty", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["USA", "SUN"], "signedOn": "1972-05-26", "binding": true, %s}"""
                .formatted(id, SIPRI_SOURCE)));
        ok(post("/api/v1/agreements/" + id + "/entry-into-force", "{\"on\": \"1972-10-03\", " + SIPRI_SOURCE + "}"));
        assertThat(post("/api/v1/agreements/" + id + "/consents", """
                {"party": "RUS", "means": "SUCCESSION", "on": "1992-01", %s}""".formatted(SIPRI_SOURCE))
                .getStatusCode()).as("Russia continues the Soviet Union; no notice").isEqualTo(HttpStatus.CONFLICT);
        String token = ok(post("/api/v1/agreements/" + id + "/withdrawals", """
                {"party": "USA", "noticeOn": "2001-12-13", "effectiveOn": "2002-06-13", %s}"""
                .formatted(SIPRI_SOURCE)));

        JsonNode now = get("/api/v1/agreements/" + id + "?waitFor=" + token).getBody();
        assertThat(party(now, "USA")).isEqualTo("WITHDRAWN");
        JsonNode early2002 = get("/api/v1/agreements/" + id + "?asOf=2002-01-01").getBody();
        assertThat(party(early2002, "USA")).isEqualTo("WITHDRAWAL_NOTIFIED");
        assertThat(party(early2002, "RUS")).as("Russia continues the Soviet Union without an act")
                .isEqualTo("IN_FORCE");
        assertThat(party(early2002, "SUN")).isEqualTo("ENDED");
        JsonNode in1980 = get("/api/v1/agreements/" + id + "?asOf=1980-01-01").getBody();
        assertThat(in1980.path("parties").findValuesAsText("party")).isEqualTo(List.of("USA", "SUN"));
        assertThat(party(in1980, "SUN")).isEqualTo("IN_FORCE");
    }

    private static String party(JsonNode agreement, String code) {
        for (JsonNode p : agreement.path("parties")) {
            if (p.path("party").asText().equals(code)) {
                return p.path("status").asText();
            }
        }
        return null;
    }
}
