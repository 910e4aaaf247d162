package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * State succession through the API, at dates before, on and after each fact: the Soviet Union (SUN) ceased to exist
 * on 1991-12-26 and Russia (RUS) continues it; Belarus, Kazakhstan and Ukraine separated from it. The treaties are
 * real (ABM Treaty, START I); the register rows are built like SIPRI's with invented designations.
 */
class StateSuccessionIT extends DyadIntegrationTest {

    private JsonNode agreement(String id, String asOf) {
        return get("/api/v1/agreements/" + id + (asOf == null ? "" : "?asOf=" + asOf)).getBody();
    }

    private static JsonNode party(JsonNode agreement, String code) {
        for (JsonNode p : agreement.path("parties")) {
            if (p.path("party").asText().equals(code)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void theAbmTreatyPassesToRussiaAndEndsSixMonthsAfterTheUsNotice() {
        String id = uniqueId("abm");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Anti-Ballistic Missile Treaty", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["USA", "SUN"], "signedOn": "1972-05-26", "binding": true, %s}"""
                .formatted(id, SIPRI_SOURCE)));
        ok(post("/api/v1/agreements/" + id + "/entry-into-force", "{\"on\": \"1972-10-03\", " + SIPRI_SOURCE + "}"));
        assertThat(post("/api/v1/agreements/" + id + "/consents", """
                {"party": "RUS", "means": "SUCCESSION", "on": "1992-01", %s}""".formatted(SIPRI_SOURCE))
                .getStatusCode()).as("Russia needs no notice").isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("/api/v1/agreements/" + id + "/withdrawals", """
                {"party": "SUN", "noticeOn": "1995-01-01", "effectiveOn": "1995-07-01", %s}"""
                .formatted(SIPRI_SOURCE)).getStatusCode()).as("the Soviet Union no longer acts")
                .isEqualTo(HttpStatus.CONFLICT);
        String token = ok(post("/api/v1/agreements/" + id + "/withdrawals", """
                {"party": "USA", "noticeOn": "2001-12-13", "effectiveOn": "2002-06-13", %s}"""
                .formatted(SIPRI_SOURCE)));
        getConsistent("/api/v1/agreements/" + id, token);

        assertThat(party(agreement(id, "1972-10-03"), "SUN").path("status").asText()).isEqualTo("IN_FORCE");
        JsonNode lastSovietDay = agreement(id, "1991-12-25");
        assertThat(party(lastSovietDay, "SUN").path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(party(lastSovietDay, "RUS")).isNull();
        for (String asOf : List.of("1991-12-26", "2001-12-13", "2002-06-12")) {
            JsonNode bound = agreement(id, asOf);
            assertThat(bound.path("status").asText()).as(asOf).isEqualTo("IN_FORCE");
            assertThat(party(bound, "SUN").path("status").asText()).as(asOf).isEqualTo("ENDED");
            JsonNode rus = party(bound, "RUS");
            assertThat(rus.path("status").asText()).as(asOf).isEqualTo("IN_FORCE");
            assertThat(rus.path("by").asText()).isEqualTo("SUCCESSION");
            assertThat(rus.path("from").asText()).isEqualTo("SUN");
            assertThat(rus.path("since").asText()).isEqualTo("1991-12-26");
        }
        for (String asOf : List.of("2002-06-13", "2020-01-01")) {
            JsonNode ended = agreement(id, asOf);
            assertThat(ended.path("status").asText()).as(asOf).isEqualTo("TERMINATED");
            assertThat(ended.path("endedOn").asText()).isEqualTo("2002-06-13");
            assertThat(party(ended, "USA").path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(party(ended, "SUN").path("status").asText()).isEqualTo("ENDED");
        }
        assertThat(agreement(id, null).path("status").asText()).isEqualTo("TERMINATED");

        JsonNode relationship = get("/api/v1/relationships/USA/RUS?asOf=1995-01-01").getBody();
        assertThat(ids(relationship.path("agreements"), "agreementId")).contains(id);
        assertThat(ids(get("/api/v1/relationships/USA/RUS?asOf=1980-01-01").getBody().path("agreements"),
                "agreementId")).as("Russia was no party before its succession").doesNotContain(id);
        for (JsonNode a : relationship.path("agreements")) {
            if (a.path("agreementId").asText().equals(id)) {
                assertThat(a.path("via").path("predecessor").asText()).isEqualTo("SUN");
                assertThat(a.path("via").path("succession").asText()).isEqualTo("CONTINUATION");
            }
        }
    }

    @Test
    void startEntersIntoForceForRussiaAndTheLisbonProtocolSuccessors() {
        String id = uniqueId("start");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "START I", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["USA", "SUN"], "signedOn": "1991-07-31", "binding": true, %s}"""
                .formatted(id, SIPRI_SOURCE)));
        for (String successor : List.of("BLR", "KAZ", "UKR")) {
            ok(post("/api/v1/agreements/" + id + "/consents", """
                    {"party": "%s", "means": "SUCCESSION", "on": "1992-05-23", %s}"""
                    .formatted(successor, SIPRI_SOURCE)));
        }
        String token = ok(post("/api/v1/agreements/" + id + "/entry-into-force",
                "{\"on\": \"1994-12-05\", " + SIPRI_SOURCE + "}"));
        getConsistent("/api/v1/agreements/" + id, token);

        assertThat(party(agreement(id, "1991-12-25"), "SUN").path("status").asText()).isEqualTo("SIGNED");
        JsonNode beforeLisbon = agreement(id, "1992-05-22");
        assertThat(party(beforeLisbon, "RUS").path("status").asText()).isEqualTo("SIGNED");
        assertThat(party(beforeLisbon, "UKR")).isNull();
        JsonNode afterLisbon = agreement(id, "1992-05-23");
        assertThat(party(afterLisbon, "UKR").path("status").asText()).isEqualTo("CONSENTED");
        assertThat(party(afterLisbon, "UKR").path("from").asText()).isEqualTo("SUN");
        assertThat(afterLisbon.path("status").asText()).isEqualTo("SIGNED");
        JsonNode inForce = agreement(id, "1994-12-05");
        assertThat(inForce.path("status").asText()).isEqualTo("IN_FORCE");
        for (String code : List.of("USA", "RUS", "BLR", "KAZ", "UKR")) {
            assertThat(party(inForce, code).path("status").asText()).as(code).isEqualTo("IN_FORCE");
        }
        assertThat(party(inForce, "SUN").path("status").asText()).isEqualTo("ENDED");
    }

    @Test
    void registerRowsOrderedFromTheSovietUnionAndDeliveredByRussiaAreAcceptedAndShowBoth() throws IOException {
        String namedRussia = uniqueId("Succession-RUS");
        String namedSoviet = uniqueId("Succession-SUN");
        String overBefore = uniqueId("Succession-over");
        JsonNode job = importSipri(register(
                row("India", "Russia", "1989", namedRussia, "1992; 1993"),
                row("India", "Soviet Union", "1990", namedSoviet, "1991; 1992"),
                row("India", "Russia", "1985", overBefore, "1986")), "succession.csv");
        assertThat(job.path("imported").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(job.path("rejected").asInt()).isEqualTo(1);
        JsonNode refused = get("/api/v1/imports/" + job.path("id").asText() + "/rows?outcome=REJECTED").getBody()
                .path("items").get(0);
        assertThat(refused.path("reason").asText()).contains("RUS did not exist before 1991-12-26")
                .contains("name SUN");

        JsonNode deal = await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/deals?status=ALL"
                + "&designation=" + namedRussia).getBody().path("items"), items -> items.size() == 1).get(0);
        assertThat(deal.path("supplier").asText()).isEqualTo("RUS");
        JsonNode succession = deal.path("succession").get(0);
        assertThat(succession.path("role").asText()).isEqualTo("supplier");
        assertThat(succession.path("predecessor").asText()).isEqualTo("SUN");
        assertThat(succession.path("on").asText()).isEqualTo("1991-12-26");

        JsonNode soviet = await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/deals?status=ALL"
                + "&designation=" + namedSoviet).getBody().path("items"), items -> items.size() == 1).get(0);
        String sovietId = soviet.path("dealId").asText();
        JsonNode now = get("/api/v1/relationships/RUS/IND").getBody();
        assertThat(ids(now.path("dealsBySuccession"), "dealId")).contains(sovietId);
        assertThat(ids(now.path("deals"), "dealId")).doesNotContain(sovietId);
        for (JsonNode inherited : now.path("dealsBySuccession")) {
            if (inherited.path("dealId").asText().equals(sovietId)) {
                assertThat(inherited.path("via").path("predecessor").asText()).isEqualTo("SUN");
                assertThat(inherited.path("via").path("succession").asText()).isEqualTo("CONTINUATION");
            }
        }
        assertThat(ids(get("/api/v1/relationships/RUS/IND?asOf=1991-06-01").getBody().path("dealsBySuccession"),
                "dealId")).doesNotContain(sovietId);
        assertThat(ids(get("/api/v1/relationships/RUS/IND?asOf=1992-06-01").getBody().path("dealsBySuccession"),
                "dealId")).contains(sovietId);
    }

    private static String row(String recipient, String supplier, String ordered, String designation,
                              String deliveries) {
        return String.join(",", recipient, supplier, ordered, "", "10", "", designation, "fighter aircraft", "10", "",
                deliveries, "New", "", "1", "10", "10");
    }

    /** Rows under the sample's own preamble and header. */
    private static byte[] register(String... rows) throws IOException {
        List<String> lines = new String(sipriSample(), StandardCharsets.ISO_8859_1).lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("Recipient,Supplier")) {
            header++;
        }
        return (String.join("\r\n", lines.subList(0, header + 1)) + "\r\n" + String.join("\r\n", rows) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
