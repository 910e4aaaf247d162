package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.query.FetchAgreement;
import org.dyad.views.query.FetchDeal;
import org.dyad.views.query.FetchDeals;
import org.dyad.views.query.FetchRelationship;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * Records folded in valid time with imprecise dates, answered as of dates before, inside and after each fact: the
 * single record, the as-of list (from the stored spans) and the relationship's counts agree.
 */
class ValidTimeFoldTest extends ViewsTest {

    /** France's Mistral ships for Russia: contracted 2011-06-17, delivery suspended 2014-11-25. */
    private void mistralsSuspended() {
        feed.publish(new SaleReported("mistral", "FRA", "RUS", List.of(DealItem.of("Mistral", "amphibious assault"
                        + " ship", 2)), DealStage.CONTRACTED, date("2011-06-17"), null, List.of(),
                        at("2014-12-01T00:00:00Z")),
                new DealSuspended("mistral", date("2014-11-25"), "the situation in Ukraine",
                        at("2014-12-01T00:00:01Z")));
    }

    @Test
    void aCancellationDatedOnlyByTheFollowingYearIsPossibleDuringThatYearAndSureAfterIt() {
        mistralsSuspended();
        // recorded afterwards, with only the year known
        feed.publish(new DealCancelled("mistral", date("2015"), "cancelled", at("2016-01-10T00:00:00Z")));

        expect("2014-11-24", "CONTRACTED", null, null);
        expect("2014-11-25", "SUSPENDED", null, null);
        expect("2014-12-15", "SUSPENDED", null, null);
        expect("2015-01-01", "SUSPENDED", "CANCELLED", "2015");
        expect("2015-06-30", "SUSPENDED", "CANCELLED", "2015");
        expect("2015-12-30", "SUSPENDED", "CANCELLED", "2015");
        expect("2015-12-31", "CANCELLED", null, null);
        expect("2016-01-01", "CANCELLED", null, null);
        assertThat(deal(null).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(deal(null).has("possibly")).as("the present counts every fact").isFalse();
    }

    @Test
    void aCancellationDatedOnlyByTheYearOfTheSuspensionNeverComesBeforeIt() {
        mistralsSuspended();
        // invented variant: the cancellation recorded later with only the year of the suspension
        feed.publish(new DealCancelled("mistral", date("2014"), "cancelled", at("2016-01-10T00:00:00Z")));

        expect("2013-12-31", "CONTRACTED", null, null);
        expect("2014-01-01", "CONTRACTED", "CANCELLED", "2014");
        expect("2014-11-24", "CONTRACTED", "CANCELLED", "2014");
        expect("2014-11-25", "SUSPENDED", "CANCELLED", "2014");
        expect("2014-12-30", "SUSPENDED", "CANCELLED", "2014");
        expect("2014-12-31", "CANCELLED", null, null);
        expect("2015-06-01", "CANCELLED", null, null);
        assertThat(deal(null).path("history")).extracting(h -> h.path("type").asText())
                .as("the suspension stays in the history").contains("DealSuspended");
    }

    @Test
    void factsRecordedOutOfOrderFoldInTheOrderOfTheirDates() {
        feed.publish(new SaleReported("mistral", "FRA", "RUS", List.of(DealItem.of("Mistral", "amphibious assault"
                        + " ship", 2)), DealStage.CONTRACTED, date("2011-06-17"), null, List.of(),
                        at("2014-12-01T00:00:00Z")),
                new DealCancelled("mistral", date("2015-08-05"), "cancelled", at("2015-08-06T00:00:00Z")),
                new DealSuspended("mistral", date("2014-11-25"), "the situation in Ukraine",
                        at("2015-09-01T00:00:00Z")));

        expect("2014-12-01", "SUSPENDED", null, null);
        expect("2015-09-01", "CANCELLED", null, null);
        assertThat(deal(null).path("status").asText()).as("the latest fact in valid time decides")
                .isEqualTo("CANCELLED");
    }

    @Test
    void adjacentSpansHoldingTheSameStateAreStoredAsOneAndAnswerAsEachWould() {
        // a sale known to the year only, and an estimate of a later year, known to the year too: an estimate counts
        // from the first day of its date and the report changes nothing on the last day of its year
        feed.publish(new SaleReported("mistral", "FRA", "RUS", List.of(DealItem.of("Mistral", "amphibious assault"
                        + " ship", 2)), DealStage.CONTRACTED, date("2011"), null, List.of(),
                        at("2014-12-01T00:00:00Z")),
                new EstimateRecorded("mistral", new Estimate(new BigDecimal("1200000000"), null, null, "EUR",
                        EstimateQualifier.ABOUT, null, null, null), date("2013"), at("2014-12-01T00:00:01Z")));

        assertThat(database.jdbc().queryForList("SELECT coalesce(valid_from::text, '-') || '/'"
                + " || coalesce(valid_until::text, '-') FROM views.deal_state ORDER BY valid_from", String.class))
                .as("four spans, two states").containsExactly("2011-01-01/2013-01-01", "2013-01-01/-");
        for (String day : List.of("2011-01-01", "2011-12-30", "2011-12-31", "2012-12-31")) {
            expect(day, "CONTRACTED", null, null);
            assertThat(storedSummary(day).path("latestEstimates")).as("as of %s", day).isEmpty();
        }
        for (String day : List.of("2013-01-01", "2013-12-31", "2020-01-01")) {
            expect(day, "CONTRACTED", null, null);
            assertThat(storedSummary(day).path("latestEstimates")).as("as of %s", day).hasSize(1);
            assertThat(storedSummary(day).path("lastValidOn").asText()).isEqualTo("2013");
        }
        assertThat(readers.deals.fetch(new FetchDeal("mistral", LocalDate.parse("2010-12-31"), null))).isEmpty();
    }

    @Test
    void aWithdrawalTakingEffectInAYearIsPossibleDuringItAndSureAfterIt() {
        // invented bilateral treaty; the effective date of the withdrawal known to the year only
        feed.publish(new AgreementSigned("pact", "Bilateral pact", AgreementKind.TREATY,
                        List.of(AgreementSubject.values()[0]), List.of("GBR", "USA"), null, date("1990-05-01"), null,
                        true, false, null, null, at("2020-01-01T00:00:00Z")),
                new AgreementEnteredIntoForce("pact", date("1990-10-01"), List.of("GBR", "USA"),
                        at("2020-01-01T00:00:01Z")),
                new WithdrawalNotified("pact", "USA", date("2001-12-13"), date("2002"), at("2020-01-01T00:00:02Z")));

        JsonNode inside = agreement("2002-03-01");
        assertThat(inside.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(inside.path("possibly").path("status").asText()).isEqualTo("TERMINATED");
        assertThat(inside.path("possibly").path("since").asText()).isEqualTo("2002");
        JsonNode usa = party(inside, "USA");
        assertThat(usa.path("status").asText()).isEqualTo("WITHDRAWAL_NOTIFIED");
        assertThat(usa.path("possibly").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(party(inside, "GBR").has("possibly")).isFalse();

        JsonNode after = agreement("2003-01-01");
        assertThat(after.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(after.has("possibly")).isFalse();
        assertThat(party(after, "USA").path("status").asText()).isEqualTo("WITHDRAWN");

        JsonNode before = agreement("2001-06-01");
        assertThat(before.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(before.has("possibly")).isFalse();
    }

    @Test
    void viewsStoredUnderEarlierRulesAreFoldedAgainAtStart() throws Exception {
        mistralsSuspended();
        feed.publish(new DealCancelled("mistral", date("2014"), "cancelled", at("2016-01-10T00:00:00Z")));
        feed.publish(new AgreementSigned("pact", "Bilateral pact", AgreementKind.TREATY,
                        List.of(AgreementSubject.values()[0]), List.of("GBR", "USA"), null, date("1990-05-01"), null,
                        true, false, null, null, at("2020-01-01T00:00:00Z")),
                new AgreementEnteredIntoForce("pact", date("1990-10-01"), List.of("GBR", "USA"),
                        at("2020-01-01T00:00:01Z")));
        // as stored under earlier rules: the year counted from its first day, the agreement's document stale
        database.jdbc().update("UPDATE views.deal_state SET standing = 'CANCELLED'");
        database.jdbc().update("UPDATE views.agreement SET status = 'SIGNED', review_on = NULL");
        String migration = new String(getClass().getResourceAsStream("/db/views/V16__valid_time_order.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        database.transaction().executeWithoutResult(tx -> {
            database.jdbc().execute("SET LOCAL search_path TO views");
            database.jdbc().execute(migration);
        });
        assertThat(feed.fillMissingDealStates()).isEqualTo(1);
        assertThat(feed.reviewAgreementsDueBy(LocalDate.now())).isEqualTo(1);

        expect("2014-06-01", "CONTRACTED", "CANCELLED", "2014");
        expect("2014-12-01", "SUSPENDED", "CANCELLED", "2014");
        expect("2015-01-01", "CANCELLED", null, null);
        assertThat(database.jdbc().queryForObject("SELECT status FROM views.agreement WHERE agreement_id = 'pact'",
                String.class)).isEqualTo("IN_FORCE");
    }

    /**
     * The deal's standing as of the date, and what it may already be: the same from the deal, from the as-of list
     * filtered by standing and from the relationship's counts.
     */
    private void expect(String day, String standing, String possibly, String since) {
        LocalDate asOf = LocalDate.parse(day);
        JsonNode deal = deal(asOf);
        String answered = "ACTIVE".equals(deal.path("status").asText()) ? deal.path("stage").asText()
                : deal.path("status").asText();
        assertThat(answered).as("the deal as of %s", day).isEqualTo(standing);
        if (possibly == null) {
            assertThat(deal.has("possibly")).as("nothing uncertain as of %s", day).isFalse();
        } else {
            assertThat(deal.path("possibly").path("standing").asText()).as("possibly, as of %s", day)
                    .isEqualTo(possibly);
            assertThat(deal.path("possibly").path("since").asText()).isEqualTo(since);
        }
        JsonNode listed = EventFeed.asSent(readers.deals.fetch(new FetchDeals(standing, "FRA", null, null, null,
                null, null, null, "reportedOn", false, 0, 20, asOf, null)));
        assertThat(ids(listed.path("items"))).as("listed as %s as of %s", standing, day).containsExactly("mistral");
        JsonNode summary = listed.path("items").get(0);
        assertThat(summary.path("possibly").path("standing").asText(null)).as("the list's possibly, as of %s", day)
                .isEqualTo(possibly);
        JsonNode pair = EventFeed.asSent(readers.relationships.fetch(new FetchRelationship("FRA", "RUS", asOf, null,
                0, 20)));
        assertThat(pair.path("dealsByDirection").path("FRA->RUS").path(standing).asLong())
                .as("counted as %s as of %s", standing, day).isEqualTo(1);
        assertThat(pair.path("deals").get(0).path("possibly").path("standing").asText(null)).isEqualTo(possibly);
    }

    /** The deal's summary as of the day, as the relationship reads it from the deal's stored states. */
    private JsonNode storedSummary(String day) {
        return EventFeed.asSent(readers.relationships.fetch(new FetchRelationship("FRA", "RUS", LocalDate.parse(day),
                null, 0, 20))).path("deals").get(0);
    }

    private JsonNode deal(LocalDate asOf) {
        return readers.deals.fetch(new FetchDeal("mistral", asOf, null)).map(EventFeed::asSent).orElseThrow();
    }

    private JsonNode agreement(String asOf) {
        return readers.agreements.fetch(new FetchAgreement("pact", LocalDate.parse(asOf), null))
                .map(EventFeed::asSent).orElseThrow();
    }

    private static JsonNode party(JsonNode agreement, String code) {
        for (JsonNode party : agreement.path("parties")) {
            if (party.path("party").asText().equals(code)) {
                return party;
            }
        }
        throw new AssertionError("no party " + code + " in " + agreement);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("dealId").asText()));
        return ids;
    }
}
