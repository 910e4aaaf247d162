package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.views.projection.BatchProjector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deal lists and relationships "as of" a date (with what is known now) read each deal's stored state for that date,
 * and total the timeline from the records' valid dates; the same question "as known at" now folds and counts the
 * logged events. Both must give the same answer, field for field, on every date — before, on and after each valid
 * date, with a correction that moves one, a retraction, and a fact without a date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealStatesAsOfIT extends DyadIntegrationTest {

    private static final String SIPRI = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}""";
    private static final String SUPPLIER = "MLT";
    private static final String RECIPIENT = "ISL";
    private static final List<String> DATES = List.of("2000-06-01", "2000-10-31", "2000-11-01", "2001-02-28",
            "2001-03-01", "2001-05-31", "2001-06-01", "2001-12-31", "2002-01-01", "2003-06-01", "2004-06-01",
            "2004-12-31", "2005-01-01", "2005-06-01", "2005-12-31", "2030-01-01");

    @Autowired
    private BatchProjector projector;
    private String lifecycle;
    private String retracted;
    private String reverse;

    @BeforeAll
    void record() {
        lifecycle = uniqueId("states");
        retracted = uniqueId("states-retracted");
        reverse = uniqueId("states-reverse");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "%s", "recipient": "%s", "reportedOn": "2003-02",
                 "items": [{"designation": "Hvidbjornen", "description": "patrol ship", "quantity": 1}],
                 "stage": "CONTRACTED", "estimate": {"low": 50000000, "high": 70000000, "currency": "EUR",
                                                     "qualifier": "ABOUT"}, %s}"""
                .formatted(reverse, RECIPIENT, SUPPLIER, SIPRI)));
        ok(post("/api/v1/deals", dealReport(lifecycle, SUPPLIER, RECIPIENT, 1_000_000_000L)));
        ok(post("/api/v1/deals", dealReport(retracted, SUPPLIER, RECIPIENT, 2_000_000_000L)));
        ok(post("/api/v1/deals/" + lifecycle + "/negotiation", "{\"on\": \"2001-06\", " + SIPRI + "}"));
        ok(post("/api/v1/deals/" + lifecycle + "/contract", "{\"on\": \"2002\", " + SIPRI + "}"));
        ok(post("/api/v1/deals/" + lifecycle + "/suspension", "{\"on\": \"2004\", \"reason\": \"payment dispute\", "
                + SIPRI + "}"));
        ok(post("/api/v1/deals/" + lifecycle + "/resumption", "{\"on\": \"2005\", " + SIPRI + "}"));
        ok(post("/api/v1/deals/" + lifecycle + "/estimates", """
                {"estimatedOn": "2005-03", "estimate": {"low": 800000000, "high": 900000000, "currency": "USD",
                 "qualifier": "ABOUT"}, %s}"""
                .formatted(SIPRI)));
        String report = eventIdOf(lifecycle, 0);
        ok(post("/api/v1/records/" + lifecycle + "/corrections", """
                {"eventId": "%s", "reason": "first reported earlier", "changes": {"reportedOn": "2000-11"}, %s}"""
                .formatted(report, SIPRI)));
        String retractedReport = eventIdOf(retracted, 0);
        String token = ok(post("/api/v1/records/" + retracted + "/retractions",
                "{\"eventId\": \"" + retractedReport + "\", \"reason\": \"the source invented it\", " + SIPRI + "}"));
        getConsistent("/api/v1/deals?status=ALL", token, lifecycle + "@6");
    }

    @Test
    void everyDateAnswersWhatFoldingTheEventsAnswers() {
        for (String date : DATES) {
            assertThat(asOf(date)).as("as of " + date).isEqualTo(folded(date));
        }
        assertThat(ids(asOf("2000-10-31"), "dealId")).doesNotContain(lifecycle);
        assertThat(ids(asOf("2000-11-01"), "dealId")).contains(lifecycle);
        // the suspension is dated "2004": possibly in effect during the year, surely from its last day
        assertThat(stateOf(asOf("2004-06-01"), lifecycle).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(stateOf(asOf("2004-06-01"), lifecycle).path("possibly").path("status").asText())
                .isEqualTo("SUSPENDED");
        assertThat(stateOf(asOf("2004-12-31"), lifecycle).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(stateOf(asOf("2005-06-01"), lifecycle).path("possibly").path("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(stateOf(asOf("2005-12-31"), lifecycle).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(ids(asOf("2030-01-01"), "dealId")).doesNotContain(retracted);
    }

    @Test
    void theRelationshipOnEveryDateAnswersWhatFoldingTheEventsAnswers() {
        for (String date : DATES) {
            JsonNode fromStates = relationship("?asOf=" + date);
            JsonNode folded = relationship("?asOf=" + date + "&knownAt=" + Instant.now());
            for (String field : List.of("deals", "dealsTotal", "dealsPending", "dealsByDirection", "estimateTotals",
                    "firstEventOn", "lastEventOn", "timeline", "timelineTotal")) {
                assertThat(fromStates.path(field)).as(field + " as of " + date).isEqualTo(folded.path(field));
            }
        }
        JsonNode present = relationship("");
        assertThat(present.path("dealsTotal").asInt()).isEqualTo(2);
        assertThat(present.path("dealsPending").asInt()).isEqualTo(2);
        assertThat(present.path("dealsByDirection").path(SUPPLIER + "->" + RECIPIENT).path("CONTRACTED").asInt())
                .isEqualTo(1);
        assertThat(present.path("dealsByDirection").path(RECIPIENT + "->" + SUPPLIER).path("CONTRACTED").asInt())
                .isEqualTo(1);
        assertThat(present.path("estimateTotals").findValuesAsText("currency")).containsExactly("EUR", "USD");
        assertThat(present.path("firstEventOn").asText()).isEqualTo("2000-11");
        assertThat(relationship("?asOf=2004-12-31").path("dealsByDirection").path(SUPPLIER + "->" + RECIPIENT)
                .path("SUSPENDED").asInt()).isEqualTo(1);
    }

    @Test
    void theRelationshipPagesItsDealsButCountsAndSumsThemAll() {
        for (String known : List.of("", "&knownAt=" + Instant.now())) {
            JsonNode first = relationship("?dealsSize=1" + known);
            JsonNode second = relationship("?dealsSize=1&dealsPage=1" + known);
            assertThat(ids(first.path("deals"), "dealId")).as(known).containsExactly(lifecycle);
            assertThat(ids(second.path("deals"), "dealId")).as(known).containsExactly(reverse);
            assertThat(relationship("?dealsSize=1&dealsPage=2" + known).path("deals")).as(known).isEmpty();
            assertThat(first.path("dealsTotal").asInt()).as(known).isEqualTo(2);
            assertThat(first.path("estimateTotals")).as(known).hasSize(2);
        }
        assertThat(get("/api/v1/relationships/" + SUPPLIER + "/" + RECIPIENT + "?dealsSize=0").getStatusCode()
                .value()).isEqualTo(400);
    }

    @Test
    void dealsStoredWithoutStatesGetThemAtStart() {
        viewStorage.removeDealStates(lifecycle);
        assertThat(ids(asOf("2003-06-01"), "dealId")).doesNotContain(lifecycle);

        while (projector.fillMissingDealStates(500) > 0) {
            // until every deal has its states
        }

        assertThat(ids(asOf("2003-06-01"), "dealId")).contains(lifecycle);
        for (String date : DATES) {
            assertThat(asOf(date)).as("as of " + date).isEqualTo(folded(date));
        }
    }

    private JsonNode relationship(String query) {
        return get("/api/v1/relationships/" + SUPPLIER + "/" + RECIPIENT + query).getBody();
    }

    private JsonNode asOf(String date) {
        return get(list() + "&asOf=" + date).getBody().path("items");
    }

    private JsonNode folded(String date) {
        return get(list() + "&asOf=" + date + "&knownAt=" + Instant.now()).getBody().path("items");
    }

    private String list() {
        return "/api/v1/deals?status=ALL&size=200&supplier=" + SUPPLIER + "&recipient=" + RECIPIENT;
    }

    private static JsonNode stateOf(JsonNode deals, String id) {
        for (JsonNode deal : deals) {
            if (id.equals(deal.path("dealId").asText())) {
                return deal;
            }
        }
        throw new AssertionError(id + " not in " + deals);
    }
}
