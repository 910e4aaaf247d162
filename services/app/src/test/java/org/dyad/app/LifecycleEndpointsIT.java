package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lifecycle endpoint of agreements (and a deal's revival) driven through HTTP as an analyst records real
 * cases, then read back as of dates before and after each fact.
 */
class LifecycleEndpointsIT extends DyadIntegrationTest {

    private static String source(String publisher, String title, String publishedOn) {
        return """
                "source": {"publisher": "%s", "title": "%s", "publishedOn": "%s"}, "grade": "B2\""""
                .formatted(publisher, title, publishedOn);
    }

    private static final String UNTC = source("United Nations", "United Nations Treaty Collection", "2024");
    private static final String STATE = source("US Department of State", "New START Treaty", "2023");

    @Test
    void aFurtherSignatureAddsAPartyFromItsDate() {
        // Arms Trade Treaty: opened for signature 2013-06-03; the USA signed on 2013-09-25 (UNTC)
        String id = uniqueId("att");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Arms Trade Treaty", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["GBR", "FRA"], "signedOn": "2013-06-03", "binding": true, %s}""".formatted(id, UNTC)));
        String token = ok(post("/api/v1/agreements/" + id + "/signatures",
                "{\"party\": \"USA\", \"on\": \"2013-09-25\", " + UNTC + "}"));

        JsonNode now = getConsistent("/api/v1/agreements/" + id, token).getBody();
        assertThat(party(now, "USA")).isEqualTo("SIGNED");
        JsonNode before = get("/api/v1/agreements/" + id + "?asOf=2013-07-01").getBody();
        assertThat(party(before, "USA")).as("not a signatory before 2013-09-25").isNull();
        assertThat(party(before, "GBR")).isEqualTo("SIGNED");
    }

    @Test
    void aSuspendedPartyResumesAndAnExtendedTreatyExpiresAtItsNewDate() {
        // New START: signed 2010-04-08, in force 2011-02-05, extended on 2021-02-03 until 2026-02-05; Russia
        // suspended its participation on 2023-02-21. The resumption below is a test fact, not history.
        String id = uniqueId("new-start");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "New START", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["USA", "RUS"], "signedOn": "2010-04-08", "expiresOn": "2021-02-05", "binding": true,
                 %s}""".formatted(id, STATE)));
        ok(post("/api/v1/agreements/" + id + "/entry-into-force", "{\"on\": \"2011-02-05\", " + STATE + "}"));
        ok(post("/api/v1/agreements/" + id + "/extensions",
                "{\"on\": \"2021-02-03\", \"expiresOn\": \"2026-02-05\", " + STATE + "}"));
        ok(post("/api/v1/agreements/" + id + "/suspensions",
                "{\"party\": \"RUS\", \"on\": \"2023-02-21\", \"reason\": \"announced suspension\", " + STATE + "}"));
        ok(post("/api/v1/agreements/" + id + "/resumptions", "{\"party\": \"RUS\", \"on\": \"2024-06\", " + STATE
                + "}"));
        String token = ok(post("/api/v1/agreements/" + id + "/expiry", "{\"on\": \"2026-02-05\", " + STATE + "}"));

        JsonNode now = getConsistent("/api/v1/agreements/" + id, token).getBody();
        assertThat(now.path("status").asText()).isEqualTo("EXPIRED");
        JsonNode in2022 = get("/api/v1/agreements/" + id + "?asOf=2022-01-01").getBody();
        assertThat(in2022.path("status").asText()).as("extended beyond 2021-02-05").isEqualTo("IN_FORCE");
        assertThat(in2022.path("expiresOn").asText()).isEqualTo("2026-02-05");
        JsonNode in2023 = get("/api/v1/agreements/" + id + "?asOf=2023-06-01").getBody();
        assertThat(party(in2023, "RUS")).isEqualTo("SUSPENDED");
        assertThat(party(in2023, "USA")).isEqualTo("IN_FORCE");
        JsonNode in2025 = get("/api/v1/agreements/" + id + "?asOf=2025-01-01").getBody();
        assertThat(party(in2025, "RUS")).isEqualTo("IN_FORCE");
        assertThat(in2025.path("status").asText()).isEqualTo("IN_FORCE");
    }

    @Test
    void aSecretPactIsDisclosedThenRenounced() {
        // The Gore-Chernomyrdin aide-memoire of 1995-06-30 on Russian arms sales to Iran was secret until reported
        // in October 2000; Russia renounced it in November 2000 (the founding article's "secret 1995 pact").
        String id = uniqueId("gore-chernomyrdin");
        String press = source("The New York Times", "Secret U.S.-Russia deal on Iran arms", "2000-10-13");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Aide-memoire on Russian arms sales to Iran", "kind": "AIDE_MEMOIRE",
                 "subjects": ["ARMS_TRADE"], "parties": ["USA", "RUS"], "concerning": ["IRN"], "signedOn": "1995-06-30",
                 "secret": true, %s}""".formatted(id, press)));
        ok(post("/api/v1/agreements/" + id + "/disclosure", "{\"on\": \"2000-10\", " + press + "}"));
        String token = ok(post("/api/v1/agreements/" + id + "/renunciations",
                "{\"party\": \"RUS\", \"on\": \"2000-11\", \"reason\": \"no longer bound\", " + press + "}"));

        JsonNode now = getConsistent("/api/v1/agreements/" + id, token).getBody();
        assertThat(now.path("secret").asBoolean()).isFalse();
        assertThat(now.path("disclosedOn").asText()).isEqualTo("2000-10");
        assertThat(party(now, "RUS")).isEqualTo("RENOUNCED");
        JsonNode in1999 = get("/api/v1/agreements/" + id + "?asOf=1999-01-01").getBody();
        assertThat(in1999.path("secret").asBoolean()).isTrue();
        assertThat(party(in1999, "RUS")).isEqualTo("SIGNED");
    }

    @Test
    void aTerminatedTreatyEndsForAllParties() {
        // INF Treaty: signed 1987-12-08, in force 1988-06-01, terminated 2019-08-02
        String id = uniqueId("inf");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Intermediate-Range Nuclear Forces Treaty", "kind": "TREATY",
                 "subjects": ["ARMS_CONTROL"], "parties": ["USA", "SUN"], "signedOn": "1987-12-08", "binding": true,
                 %s}""".formatted(id, UNTC)));
        ok(post("/api/v1/agreements/" + id + "/entry-into-force", "{\"on\": \"1988-06-01\", " + UNTC + "}"));
        String token = ok(post("/api/v1/agreements/" + id + "/termination",
                "{\"on\": \"2019-08-02\", \"reason\": \"withdrawal of the United States\", " + UNTC + "}"));

        assertThat(getConsistent("/api/v1/agreements/" + id, token).getBody().path("status").asText())
                .isEqualTo("TERMINATED");
        assertThat(get("/api/v1/agreements/" + id + "?asOf=2019-08-01").getBody().path("status").asText())
                .isEqualTo("IN_FORCE");
    }

    @Test
    void aCancelledDealRevivesAtTheStageGiven() {
        // S-300 for Iran: contracted 2007, cancelled 2010-09-22 under the UN embargo, revived 2015-04-13
        String id = uniqueId("s300");
        String press = source("SIPRI", "Trade register", "2025-03-13");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "CONTRACTED", "reportedOn": "2007",
                 "items": [{"designation": "S-300PMU-1", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(id, press)));
        ok(post("/api/v1/deals/" + id + "/cancellation",
                "{\"on\": \"2010-09-22\", \"reason\": \"UN Security Council resolution 1929\", " + press + "}"));
        String token = ok(post("/api/v1/deals/" + id + "/revival",
                "{\"on\": \"2015-04-13\", \"stage\": \"CONTRACTED\", " + press + "}"));

        JsonNode now = getConsistent("/api/v1/deals/" + id, token).getBody();
        assertThat(now.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(now.path("stage").asText()).isEqualTo("CONTRACTED");
        assertThat(get("/api/v1/deals/" + id + "?asOf=2012-01-01").getBody().path("status").asText())
                .isEqualTo("CANCELLED");
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
