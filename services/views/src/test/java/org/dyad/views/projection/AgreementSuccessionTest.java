package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.views.query.FetchAgreement;
import org.dyad.views.query.FetchAgreements;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * State succession in agreements as of every date: the Soviet Union (SUN) ceased to exist on 1991-12-26 and Russia
 * (RUS) continues it; Belarus, Kazakhstan and Ukraine separated from it.
 */
class AgreementSuccessionTest extends ViewsTest {

    private static AgreementSigned signed(String id, String title, String on) {
        return new AgreementSigned(id, title, AgreementKind.TREATY, List.of(AgreementSubject.ARMS_CONTROL),
                List.of("USA", "SUN"), null, date(on), "Moscow", true, false, null, null,
                at("2020-01-01T00:00:00Z"));
    }

    private JsonNode agreement(String id, String asOf) {
        return readers.agreements.fetch(new FetchAgreement(id, asOf == null ? null : LocalDate.parse(asOf), null))
                .map(EventFeed::asSent).orElseThrow();
    }

    private static JsonNode party(JsonNode agreement, String code) {
        for (JsonNode p : agreement.path("parties")) {
            if (code.equals(p.path("party").asText())) {
                return p;
            }
        }
        return null;
    }

    /** The ABM Treaty: in force 1972-10-03; USA notice 2001-12-13, effective 2002-06-13. */
    @Test
    void theAbmTreatyPassesToRussiaAndEndsWithTheUsWithdrawal() {
        feed.publish(signed("abm", "Anti-Ballistic Missile Treaty", "1972-05-26"),
                new AgreementEnteredIntoForce("abm", date("1972-10-03"), List.of("USA", "SUN"),
                        at("2020-01-01T00:00:00Z")),
                new WithdrawalNotified("abm", "USA", date("2001-12-13"), date("2002-06-13"),
                        at("2020-01-01T00:00:00Z")));

        JsonNode lastSovietDay = agreement("abm", "1991-12-25");
        assertThat(party(lastSovietDay, "SUN").path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(party(lastSovietDay, "RUS")).isNull();

        for (String asOf : List.of("1991-12-26", "1995-01-01", "2002-01-01", "2002-06-12")) {
            JsonNode after = agreement("abm", asOf);
            assertThat(after.path("status").asText()).as(asOf).isEqualTo("IN_FORCE");
            JsonNode sun = party(after, "SUN");
            assertThat(sun.path("status").asText()).as(asOf).isEqualTo("ENDED");
            assertThat(sun.path("endedOn").asText()).isEqualTo("1991-12-26");
            assertThat(sun.path("succeededBy").get(0).asText()).isEqualTo("RUS");
            JsonNode rus = party(after, "RUS");
            assertThat(rus.path("status").asText()).as(asOf).isEqualTo("IN_FORCE");
            assertThat(rus.path("by").asText()).isEqualTo("SUCCESSION");
            assertThat(rus.path("from").asText()).isEqualTo("SUN");
            assertThat(rus.path("succession").asText()).isEqualTo("CONTINUATION");
            assertThat(rus.path("since").asText()).isEqualTo("1991-12-26");
            assertThat(rus.path("inForceOn").asText()).isEqualTo("1972-10-03");
        }
        assertThat(party(agreement("abm", "2002-01-01"), "USA").path("status").asText())
                .isEqualTo("WITHDRAWAL_NOTIFIED");

        for (String asOf : List.of("2002-06-13", "2010-01-01")) {
            JsonNode ended = agreement("abm", asOf);
            assertThat(ended.path("status").asText()).as(asOf).isEqualTo("TERMINATED");
            assertThat(ended.path("endedOn").asText()).isEqualTo("2002-06-13");
            assertThat(party(ended, "USA").path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(party(ended, "SUN").path("status").asText()).isEqualTo("ENDED");
        }
        JsonNode now = agreement("abm", null);
        assertThat(now.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(party(now, "SUN").path("status").asText()).isEqualTo("ENDED");

        assertThat(readers.agreements.fetch(new FetchAgreements("RUS", null, null, null, null, 0, 10, null, null))
                .path("items")).as("Russia's agreements include those it continues").hasSize(1);
        assertThat(readers.agreements.fetch(new FetchAgreements("RUS", null, null, null, null, 0, 10,
                LocalDate.parse("1980-01-01"), null)).path("items")).as("no party before its succession").isEmpty();
    }

    /** START I: signed 1991-07-31; Lisbon Protocol 1992-05-23; in force 1994-12-05 for all five. */
    @Test
    void startPassesToRussiaAndTheLisbonSuccessors() {
        feed.publish(signed("start", "START I", "1991-07-31"),
                new ConsentToBeBoundRecorded("start", date("1992-05-23"), "BLR", ConsentMeans.SUCCESSION,
                        at("2020-01-01T00:00:00Z")),
                new ConsentToBeBoundRecorded("start", date("1992-05-23"), "KAZ", ConsentMeans.SUCCESSION,
                        at("2020-01-01T00:00:00Z")),
                new ConsentToBeBoundRecorded("start", date("1992-05-23"), "UKR", ConsentMeans.SUCCESSION,
                        at("2020-01-01T00:00:00Z")),
                new AgreementEnteredIntoForce("start", date("1994-12-05"),
                        List.of("USA", "BLR", "KAZ", "UKR", "RUS"), at("2020-01-01T00:00:00Z")));

        JsonNode signedBySoviets = agreement("start", "1991-08-01");
        assertThat(party(signedBySoviets, "SUN").path("status").asText()).isEqualTo("SIGNED");
        assertThat(signedBySoviets.path("parties")).hasSize(2);

        JsonNode beforeLisbon = agreement("start", "1992-01-01");
        assertThat(party(beforeLisbon, "SUN").path("status").asText()).isEqualTo("ENDED");
        assertThat(party(beforeLisbon, "RUS").path("status").asText()).isEqualTo("SIGNED");
        assertThat(party(beforeLisbon, "RUS").path("since").asText()).isEqualTo("1991-12-26");
        assertThat(party(beforeLisbon, "UKR")).isNull();

        JsonNode afterLisbon = agreement("start", "1992-05-23");
        assertThat(afterLisbon.path("status").asText()).isEqualTo("SIGNED");
        for (String successor : List.of("BLR", "KAZ", "UKR")) {
            JsonNode p = party(afterLisbon, successor);
            assertThat(p.path("status").asText()).as(successor).isEqualTo("CONSENTED");
            assertThat(p.path("by").asText()).isEqualTo("SUCCESSION");
            assertThat(p.path("from").asText()).isEqualTo("SUN");
            assertThat(p.path("succession").asText()).isEqualTo("SEPARATION");
            assertThat(p.path("since").asText()).isEqualTo("1992-05-23");
        }

        JsonNode inForce = agreement("start", "1994-12-05");
        assertThat(inForce.path("status").asText()).isEqualTo("IN_FORCE");
        for (String bound : List.of("USA", "RUS", "BLR", "KAZ", "UKR")) {
            assertThat(party(inForce, bound).path("status").asText()).as(bound).isEqualTo("IN_FORCE");
        }
        assertThat(party(inForce, "RUS").path("from").asText()).isEqualTo("SUN");
        assertThat(party(inForce, "SUN").path("status").asText()).isEqualTo("ENDED");
    }

    /**
     * A chain of continuations: Yugoslavia (YUG) → Serbia and Montenegro (SCG, 2003-02-04) → Serbia (SRB,
     * 2006-06-03); Montenegro separated and is bound only by notice. The agreement is invented for the rule.
     */
    @Test
    void aChainOfContinuationsPassesTheParticipationOn() {
        feed.publish(new AgreementSigned("pact", "Pact", AgreementKind.AGREEMENT, List.of(AgreementSubject.ARMS_TRADE),
                        List.of("GRC", "YUG"), null, date("1990-01-01"), null, true, false, null, null,
                        at("2020-01-01T00:00:00Z")),
                new AgreementEnteredIntoForce("pact", date("1990-06-01"), List.of("GRC", "YUG"),
                        at("2020-01-01T00:00:00Z")));

        JsonNode in2004 = agreement("pact", "2004-01-01");
        assertThat(party(in2004, "YUG").path("status").asText()).isEqualTo("ENDED");
        assertThat(party(in2004, "SCG").path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(party(in2004, "SRB")).isNull();

        JsonNode in2010 = agreement("pact", "2010-01-01");
        assertThat(in2010.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(party(in2010, "SCG").path("status").asText()).isEqualTo("ENDED");
        JsonNode srb = party(in2010, "SRB");
        assertThat(srb.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(srb.path("from").asText()).isEqualTo("SCG");
        assertThat(srb.path("since").asText()).isEqualTo("2006-06-03");
        assertThat(party(in2010, "MNE")).as("bound only by notice").isNull();
    }

    /** A successor's notice to a treaty in force binds it from the notice's date (date invented for the rule). */
    @Test
    void aSuccessorThatNotifiesIsInForceFromItsNoticeWithoutAnotherEntryIntoForce() {
        feed.publish(signed("abm", "Anti-Ballistic Missile Treaty", "1972-05-26"),
                new AgreementEnteredIntoForce("abm", date("1972-10-03"), List.of("USA", "SUN"),
                        at("2020-01-01T00:00:00Z")),
                new ConsentToBeBoundRecorded("abm", date("1992-03-01"), "UKR", ConsentMeans.SUCCESSION,
                        at("2020-01-01T00:00:00Z")));

        assertThat(party(agreement("abm", "1992-02-29"), "UKR")).isNull();
        JsonNode ukr = party(agreement("abm", "1992-03-01"), "UKR");
        assertThat(ukr.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(ukr.path("inForceOn").asText()).isEqualTo("1992-03-01");
        assertThat(ukr.path("from").asText()).isEqualTo("SUN");
    }
}
