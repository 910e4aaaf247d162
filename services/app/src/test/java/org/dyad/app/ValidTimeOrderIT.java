package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records fold in valid time through the API: facts with imprecise dates answer the state before them, marked
 * {@code possibly}, at every date inside their interval; a single deal, the deal list and the relationship agree,
 * from the stored states and from the folded events. A fact dated where the lifecycle could not have gone is
 * refused with 422 naming the date field and the fact it conflicts with, unless a correction moves that fact first.
 */
class ValidTimeOrderIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "Le Monde", "title": "Mistral", "publishedOn": "2015-08-06"}""";

    /** France's Mistral ships for Russia: contracted 2011-06-17, delivery suspended 2014-11-25. */
    private String suspendedMistrals() {
        String id = uniqueId("mistral");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "FRA", "recipient": "RUS", "reportedOn": "2011-06-17", "stage": "CONTRACTED",
                 "items": [{"designation": "Mistral", "description": "amphibious assault ship", "quantity": 2}], %s}"""
                .formatted(id, SOURCE)));
        ok(post("/api/v1/deals/" + id + "/suspension", """
                {"on": "2014-11-25", "reason": "the situation in Ukraine", %s}""".formatted(SOURCE)));
        return id;
    }

    private String cancel(String id, String on) {
        return ok(post("/api/v1/deals/" + id + "/cancellation",
                "{\"on\": \"" + on + "\", \"reason\": \"cancelled\", " + SOURCE + "}"));
    }

    @Test
    void aCancellationKnownOnlyByItsYearIsPossibleDuringTheYearAndSureAfter() {
        String id = suspendedMistrals();
        String token = cancel(id, "2015");
        getConsistent("/api/v1/deals/" + id, token);

        expect(id, "2014-11-24", "CONTRACTED", null);
        expect(id, "2014-12-15", "SUSPENDED", null);
        expect(id, "2015-01-01", "SUSPENDED", "CANCELLED");
        expect(id, "2015-06-30", "SUSPENDED", "CANCELLED");
        expect(id, "2015-12-31", "CANCELLED", null);
        expect(id, "2016-01-01", "CANCELLED", null);
        assertThat(deal(id, "").path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aCancellationDatedByTheYearOfTheSuspensionNeverReadsAsBeforeIt() {
        String id = suspendedMistrals();
        String token = cancel(id, "2014");
        getConsistent("/api/v1/deals/" + id, token);

        expect(id, "2013-12-31", "CONTRACTED", null);
        expect(id, "2014-03-01", "CONTRACTED", "CANCELLED");
        expect(id, "2014-11-25", "SUSPENDED", "CANCELLED");
        expect(id, "2014-12-30", "SUSPENDED", "CANCELLED");
        expect(id, "2015-01-01", "CANCELLED", null);
        assertThat(deal(id, "?asOf=2014-12-01").path("possibly").path("since").asText()).isEqualTo("2014");
    }

    @Test
    void aCancellationBeforeALaterSuspensionIsRefusedUntilACorrectionMovesTheSuspension() {
        String id = uniqueId("mistral");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "FRA", "recipient": "RUS", "reportedOn": "2011-06-17", "stage": "CONTRACTED",
                 "items": [{"designation": "Mistral", "description": "amphibious assault ship", "quantity": 2}], %s}"""
                .formatted(id, SOURCE)));
        // invented dates, to show the check
        ok(post("/api/v1/deals/" + id + "/suspension", """
                {"on": "2018-09-22", "reason": "an embargo", %s}""".formatted(SOURCE)));

        ResponseEntity<JsonNode> refused = post("/api/v1/deals/" + id + "/cancellation",
                "{\"on\": \"2017-01-05\", \"reason\": \"cancelled\", " + SOURCE + "}");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("on");
        assertThat(refused.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("the deal was"
                + " suspended on 2018-09-22; a cancellation on 2017-01-05 would come before it");
        assertThat(publishedEventIds(id)).as("nothing written").hasSize(2);

        String suspension = eventIdOf(id, 1);
        ResponseEntity<JsonNode> beforeTheReport = post("/api/v1/records/" + id + "/corrections", """
                {"eventId": "%s", "reason": "misdated", "changes": {"on": "2010-01-01"}, %s}"""
                .formatted(suspension, SOURCE));
        assertThat(beforeTheReport.getStatusCode().value()).isEqualTo(422);
        assertThat(beforeTheReport.getBody().path("errors").get(0).path("reason").asText())
                .isEqualTo("2010-01-01 is before the deal's first report (2011-06-17)");
        ok(post("/api/v1/records/" + id + "/corrections", """
                {"eventId": "%s", "reason": "the source gives an earlier date", "changes": {"on": "2016-03-01"}, %s}"""
                .formatted(suspension, SOURCE)));
        String token = cancel(id, "2017-01-05");
        assertThat(getConsistent("/api/v1/deals/" + id, token).getBody().path("status").asText())
                .isEqualTo("CANCELLED");

        ResponseEntity<JsonNode> outOfOrder = post("/api/v1/records/" + id + "/corrections", """
                {"eventId": "%s", "reason": "misdated", "changes": {"on": "2017-06-01"}, %s}"""
                .formatted(suspension, SOURCE));
        assertThat(outOfOrder.getStatusCode().value()).isEqualTo(422);
        assertThat(outOfOrder.getBody().path("errors").get(0).path("field").asText()).isEqualTo("changes.on");
        assertThat(outOfOrder.getBody().path("errors").get(0).path("reason").asText()).isEqualTo("the deal was"
                + " cancelled on 2017-01-05; a suspension on 2017-06-01 would come after it");
    }

    @Test
    void anEntryIntoForceBeforeThePartySignedIsRefused() {
        String id = uniqueId("pact");
        // invented agreement, to show the check
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Defence cooperation", "kind": "AGREEMENT", "parties": ["FRA", "GBR"],
                 "signedOn": "2010-11-02", %s}""".formatted(id, SOURCE)));
        ok(post("/api/v1/agreements/" + id + "/signatures", "{\"party\": \"DEU\", \"on\": \"2012-05\", " + SOURCE
                + "}"));
        ResponseEntity<JsonNode> refused = post("/api/v1/agreements/" + id + "/entry-into-force",
                "{\"on\": \"2011-07-01\", \"parties\": [\"DEU\"], " + SOURCE + "}");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("errors").get(0).path("reason").asText())
                .isEqualTo("DEU signed on 2012-05; an entry into force for DEU on 2011-07-01 would come before it");
        ok(post("/api/v1/agreements/" + id + "/entry-into-force",
                "{\"on\": \"2012\", \"parties\": [\"DEU\"], " + SOURCE + "}"));
    }

    @Test
    void aWithdrawalTakingEffectInAYearIsPossibleDuringItAndEndsABilateralTreatyAfterIt() {
        String id = uniqueId("pact");
        // invented bilateral treaty; the withdrawal's effective date known to the year only
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Defence cooperation", "kind": "TREATY", "parties": ["FRA", "GBR"],
                 "signedOn": "2010-11-02", %s}""".formatted(id, SOURCE)));
        ok(post("/api/v1/agreements/" + id + "/entry-into-force", "{\"on\": \"2011-07-01\", " + SOURCE + "}"));
        String token = ok(post("/api/v1/agreements/" + id + "/withdrawals", """
                {"party": "GBR", "noticeOn": "2019-06-01", "effectiveOn": "2020", %s}""".formatted(SOURCE)));
        getConsistent("/api/v1/agreements/" + id, token);

        for (String known : new String[]{"", "&knownAt=" + Instant.now()}) {
            JsonNode inside = get("/api/v1/agreements/" + id + "?asOf=2020-03-01" + known).getBody();
            assertThat(inside.path("status").asText()).as(known).isEqualTo("IN_FORCE");
            assertThat(inside.path("possibly").path("status").asText()).isEqualTo("TERMINATED");
            assertThat(inside.path("possibly").path("since").asText()).isEqualTo("2020");
            JsonNode gbr = party(inside, "GBR");
            assertThat(gbr.path("status").asText()).isEqualTo("WITHDRAWAL_NOTIFIED");
            assertThat(gbr.path("possibly").path("status").asText()).isEqualTo("WITHDRAWN");

            JsonNode after = get("/api/v1/agreements/" + id + "?asOf=2021-01-01" + known).getBody();
            assertThat(after.path("status").asText()).isEqualTo("TERMINATED");
            assertThat(after.has("possibly")).isFalse();
            JsonNode before = get("/api/v1/agreements/" + id + "?asOf=2019-12-31" + known).getBody();
            assertThat(before.path("status").asText()).isEqualTo("IN_FORCE");
            assertThat(before.has("possibly")).isFalse();
        }
    }

    /** The deal's standing and what it may be, alike in the deal, the list and the relationship, stored or folded. */
    private void expect(String id, String date, String standing, String possibly) {
        for (String known : new String[]{"", "&knownAt=" + Instant.now()}) {
            JsonNode deal = deal(id, "?asOf=" + date + known);
            assertThat(standing(deal)).as("%s as of %s%s", id, date, known).isEqualTo(standing);
            assertThat(deal.path("possibly").path("standing").asText(null)).as("possibly, as of %s%s", date, known)
                    .isEqualTo(possibly);
            JsonNode listed = find(get("/api/v1/deals?status=" + standing + "&supplier=FRA&recipient=RUS&size=500"
                    + "&asOf=" + date + known).getBody().path("items"), id);
            assertThat(listed).as("listed as %s as of %s%s", standing, date, known).isNotNull();
            assertThat(listed.path("possibly").path("standing").asText(null)).isEqualTo(possibly);
            JsonNode paired = find(get("/api/v1/relationships/FRA/RUS?dealsSize=500&asOf=" + date + known)
                    .getBody().path("deals"), id);
            assertThat(standing(paired)).as("in the relationship as of %s%s", date, known).isEqualTo(standing);
            assertThat(paired.path("possibly").path("standing").asText(null)).isEqualTo(possibly);
        }
    }

    private JsonNode deal(String id, String query) {
        ResponseEntity<JsonNode> answer = get("/api/v1/deals/" + id + query);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    private static String standing(JsonNode deal) {
        return "ACTIVE".equals(deal.path("status").asText()) ? deal.path("stage").asText()
                : deal.path("status").asText();
    }

    private static JsonNode party(JsonNode agreement, String code) {
        for (JsonNode party : agreement.path("parties")) {
            if (code.equals(party.path("party").asText())) {
                return party;
            }
        }
        throw new AssertionError("no party " + code + " in " + agreement);
    }

    private static JsonNode find(JsonNode deals, String id) {
        for (JsonNode deal : deals) {
            if (id.equals(deal.path("dealId").asText())) {
                return deal;
            }
        }
        return null;
    }
}
