package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embargoes recorded through HTTP as an analyst records them, cited by a deal's cancellation, and read back at
 * dates before, during and after them. UN Security Council resolution 1929 (adopted 2010-06-09) forbade supplying
 * Iran with, among others, combat aircraft and missile systems; Russia's decree of 2010-09-22 barred the S-300
 * delivery under it; the arms restrictions ended on 2020-10-18 under resolution 2231.
 */
class EmbargoesIT extends DyadIntegrationTest {

    private static final String UN = """
            "source": {"publisher": "United Nations", "title": "Security Council resolution 1929 (2010)",
                       "publishedOn": "2010-06-09"}, "grade": "A1\"""";

    private static final String SCOPE = "battle tanks, armoured combat vehicles, large calibre artillery systems, "
            + "combat aircraft, attack helicopters, warships, missiles or missile systems";

    private String imposeUnEmbargoOnIran(String id) {
        return ok(post("/api/v1/embargoes", """
                {"id": "%s", "imposedBy": "QUN", "targets": ["IRN"], "from": "2010-06-09",
                 "measures": ["ARMS"], "categories": ["ARMOURED_VEHICLES", "ARTILLERY", "AIRCRAFT", "SHIPS", "MISSILES"],
                 "scope": "%s", "legalBasis": "UN Security Council resolution 1929", %s}"""
                .formatted(id, SCOPE, UN)));
    }

    @Test
    void anEmbargoIsInForceBetweenThePairUntilLiftedAndTheCancellationItCausedLinksIt() {
        String embargo = uniqueId("unsc-1929");
        String deal = uniqueId("s300");
        imposeUnEmbargoOnIran(embargo);
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "CONTRACTED", "reportedOn": "2007-12",
                 "items": [{"designation": "S-300PMU-1", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, SIPRI_SOURCE)));
        String cancelled = ok(post("/api/v1/deals/" + deal + "/cancellation", """
                {"on": "2010-09-22", "reason": "decree barring the delivery", "embargoId": "%s", %s}"""
                .formatted(embargo, UN)));
        String knownBeforeLifting = java.time.Instant.now().toString();
        String lifted = ok(post("/api/v1/embargoes/" + embargo + "/lifting", """
                {"on": "2020-10-18", "reason": "terminated under resolution 2231 (2015)", %s}""".formatted(UN)));

        JsonNode now = getConsistent("/api/v1/embargoes/" + embargo, lifted).getBody();
        assertThat(now.path("status").asText()).isEqualTo("LIFTED");
        assertThat(now.path("imposedBy").asText()).isEqualTo("QUN");
        assertThat(now.path("legalBasis").asText()).isEqualTo("UN Security Council resolution 1929");
        assertThat(get("/api/v1/embargoes/" + embargo + "?asOf=2010-06-08").getStatusCode())
                .as("not yet imposed").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/embargoes/" + embargo + "?asOf=2015-01-01").getBody().path("status").asText())
                .isEqualTo("IN_FORCE");
        assertThat(get("/api/v1/embargoes/" + embargo + "?knownAt=" + knownBeforeLifting).getBody().path("status")
                .asText()).as("before the lifting was recorded").isEqualTo("IN_FORCE");

        JsonNode cancelledDeal = getConsistent("/api/v1/deals/" + deal, cancelled).getBody();
        assertThat(cancelledDeal.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelledDeal.path("statusEmbargoId").asText()).isEqualTo(embargo);

        assertThat(ids(get("/api/v1/relationships/RUS/IRN?asOf=2015-01-01").getBody().path("embargoes"),
                "embargoId")).contains(embargo);
        assertThat(ids(get("/api/v1/relationships/IRN/RUS").getBody().path("embargoes"), "embargoId"))
                .as("lifted in 2020").doesNotContain(embargo);
        assertThat(ids(get("/api/v1/embargoes?actor=IRN&role=TARGET&status=IN_FORCE&asOf=2015-01-01").getBody()
                .path("items"), "embargoId")).contains(embargo);
        assertThat(ids(get("/api/v1/embargoes?actor=IRN&role=IMPOSER").getBody().path("items"), "embargoId"))
                .doesNotContain(embargo);
    }

    @Test
    void aCitationOfAnEmbargoNotOnRecordIsRefusedAndWritesNothing() {
        String deal = uniqueId("s300");
        String token = ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "CONTRACTED", "reportedOn": "2007-12",
                 "items": [{"designation": "S-300PMU-1", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, SIPRI_SOURCE)));
        long head = storeHead();

        ResponseEntity<JsonNode> response = post("/api/v1/deals/" + deal + "/suspension", """
                {"on": "2010-09-22", "reason": "embargo", "embargoId": "no-such-embargo", %s}""".formatted(UN));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("embargoId");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText()).contains("no-such-embargo");
        assertThat(storeHead()).isEqualTo(head);
        assertThat(getConsistent("/api/v1/deals/" + deal, token).getBody().path("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anEmbargoBreakingARuleIsRefusedNamingTheField() {
        long head = storeHead();
        ResponseEntity<JsonNode> unknownTarget = post("/api/v1/embargoes", """
                {"imposedBy": "QUN", "targets": ["IRM"], "from": "2010-06-09", "measures": ["ARMS"], %s}"""
                .formatted(UN));
        assertThat(unknownTarget.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownTarget.getBody().path("errors").get(0).path("field").asText()).isEqualTo("targets[0]");
        assertThat(unknownTarget.getBody().path("errors").get(0).path("reason").asText()).contains("IRN (Iran)");

        ResponseEntity<JsonNode> noMeasures = post("/api/v1/embargoes", """
                {"imposedBy": "QUN", "targets": ["IRN"], "from": "2010-06-09", %s}""".formatted(UN));
        assertThat(noMeasures.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noMeasures.getBody().path("errors").findValuesAsText("field")).contains("measures");
        assertThat(storeHead()).isEqualTo(head);
    }

    @Test
    void anEmbargoIsLiftedOnceAndNotBeforeItsStart() {
        String embargo = uniqueId("unsc-1929");
        imposeUnEmbargoOnIran(embargo);

        ResponseEntity<JsonNode> early = post("/api/v1/embargoes/" + embargo + "/lifting",
                "{\"on\": \"2009\", \"reason\": \"misdated\", " + UN + "}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody().path("errors").get(0).path("field").asText()).isEqualTo("on");

        ok(post("/api/v1/embargoes/" + embargo + "/lifting",
                "{\"on\": \"2020-10-18\", \"reason\": \"terminated under resolution 2231 (2015)\", " + UN + "}"));
        assertThat(post("/api/v1/embargoes/" + embargo + "/lifting",
                "{\"on\": \"2021\", \"reason\": \"again\", " + UN + "}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("/api/v1/embargoes/no-such-embargo/lifting",
                "{\"on\": \"2021\", \"reason\": \"unknown\", " + UN + "}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
