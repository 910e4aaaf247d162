package org.dyad.watch;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchlistMatchingTest {

    private static final PartialDate ON = PartialDate.parse("2024-05-01");
    private static final DealItem RAFALE = new DealItem("Rafale F3R", "FGA aircraft", WeaponCategory.AIRCRAFT, null,
            26, null, false, null);

    private static Criteria criteria(List<String> actors, List<Criteria.Pair> pairs) {
        return new Criteria(actors, pairs, null, null, null, null, null, null);
    }

    private static Estimate usd(long amount) {
        return new Estimate(BigDecimal.valueOf(amount), null, null, "USD", EstimateQualifier.EXACT, null, null, null);
    }

    /** Follows the events of one record in order, as the watcher does; answers the facts of each. */
    private static List<EventFacts> follow(String recordId, Object... payloads) {
        List<EventFacts> facts = new ArrayList<>();
        WatchedRecord record = null;
        for (int i = 0; i < payloads.length; i++) {
            PublishedEvent event = new PublishedEvent("e" + i, EventCatalog.typeOf(payloads[i].getClass()), recordId,
                    i, i, OffsetDateTime.now(ZoneOffset.UTC), payloads[i], null, null);
            EventFacts next = RecordTracker.follow(record, event);
            facts.add(next);
            record = next.record();
        }
        return facts;
    }

    private static SaleReported sale(String supplier, String recipient, Estimate... estimates) {
        return new SaleReported("d1", supplier, recipient, List.of(RAFALE), DealStage.REPORTED, ON, null,
                List.of(estimates), null);
    }

    @Test
    void aPairMatchesEitherWayUnlessDirected() {
        EventFacts franceToIndia = follow("d1", sale("FRA", "IND")).get(0);
        assertThat(WatchlistMatching.matches(criteria(null, List.of(new Criteria.Pair("IND", "FRA", false))),
                franceToIndia)).isTrue();
        assertThat(WatchlistMatching.matches(criteria(null, List.of(new Criteria.Pair("IND", "FRA", true))),
                franceToIndia)).isFalse();
        assertThat(WatchlistMatching.matches(criteria(null, List.of(new Criteria.Pair("FRA", "IND", true))),
                franceToIndia)).isTrue();
        assertThat(WatchlistMatching.matches(criteria(null, List.of(new Criteria.Pair("FRA", "PAK", false))),
                franceToIndia)).isFalse();
    }

    @Test
    void laterEventsOfARecordMatchByWhatItsFirstEventSaid() {
        List<EventFacts> facts = follow("d1", sale("FRA", "IND"),
                new ContractConcluded("d1", ON, null, null, null));
        Criteria india = criteria(List.of("IND"), null);
        assertThat(WatchlistMatching.matches(india, facts.get(1))).isTrue();
        assertThat(WatchlistMatching.matches(criteria(List.of("PAK"), null), facts.get(1))).isFalse();
    }

    @Test
    void designationsMatchByAPartOfTheNameAndCategoriesExactly() {
        EventFacts report = follow("d1", sale("FRA", "IND")).get(0);
        assertThat(WatchlistMatching.matches(new Criteria(null, null, List.of("rafale"), null, null, null, null,
                null), report)).isTrue();
        assertThat(WatchlistMatching.matches(new Criteria(null, null, List.of("Mirage"), null, null, null, null,
                null), report)).isFalse();
        assertThat(WatchlistMatching.matches(new Criteria(null, null, null, List.of("AIRCRAFT"), null, null, null,
                null), report)).isTrue();
        assertThat(WatchlistMatching.matches(new Criteria(null, null, null, List.of("SHIPS"), null, null, null,
                null), report)).isFalse();
    }

    @Test
    void stageChangesMatchOnlyTheStagesAsked() {
        List<EventFacts> facts = follow("d1", sale("FRA", "IND"),
                new ContractConcluded("d1", ON, null, null, null),
                new DeliveryRecorded("d1", Tranche.on(ON, List.of()), null),
                new DeliveryRecorded("d1", Tranche.on(ON, List.of()), null),
                new DealCancelled("d1", ON, "budget", null, null));
        Criteria anyStage = new Criteria(null, null, List.of("Rafale"), null, new Criteria.Changes(null), null, null,
                null);
        assertThat(facts).extracting(f -> WatchlistMatching.matches(anyStage, f))
                .containsExactly(false, true, true, false, true);
        Criteria contracted = new Criteria(null, null, List.of("Rafale"), null,
                new Criteria.Changes(List.of("CONTRACTED")), null, null, null);
        assertThat(facts).extracting(f -> WatchlistMatching.matches(contracted, f))
                .containsExactly(false, true, false, false, false);
        assertThat(facts.get(4).record().status()).isEqualTo("CANCELLED");
        assertThat(facts.get(4).record().stage()).isEqualTo("DELIVERING");
    }

    @Test
    void estimatesMatchAtOrOverTheThresholdInTheSameCurrencyOnly() {
        Criteria billion = new Criteria(List.of("IND"), null, null, null, null, null,
                new Criteria.Threshold(BigDecimal.valueOf(1_000_000_000L), "USD"), null);
        assertThat(WatchlistMatching.matches(billion, follow("d1", sale("FRA", "IND", usd(1_000_000_000L))).get(0)))
                .isTrue();
        assertThat(WatchlistMatching.matches(billion, follow("d1", sale("FRA", "IND", usd(999_999_999L))).get(0)))
                .isFalse();
        Estimate euros = new Estimate(BigDecimal.valueOf(5_000_000_000L), null, null, "EUR", EstimateQualifier.EXACT,
                null, null, null);
        assertThat(WatchlistMatching.matches(billion, follow("d1", sale("FRA", "IND", euros)).get(0))).isFalse();
        List<EventFacts> later = follow("d1", sale("FRA", "IND"),
                new EstimateRecorded("d1", usd(2_000_000_000L), ON, null));
        assertThat(WatchlistMatching.matches(billion, later.get(0))).isFalse();
        assertThat(WatchlistMatching.matches(billion, later.get(1))).isTrue();
    }

    @Test
    void notifiedSalesMatchSaleNotifiedOnly() {
        Criteria notified = new Criteria(null, null, null, null, null, null, null, true);
        SaleNotified notification = new SaleNotified("d2", "USA", "IND", List.of(RAFALE), ON, null, List.of(), null);
        assertThat(WatchlistMatching.matches(notified, follow("d2", notification).get(0))).isTrue();
        assertThat(WatchlistMatching.matches(notified, follow("d1", sale("USA", "IND")).get(0))).isFalse();
    }

    @Test
    void agreementStatusChangesMatchPartiesAsAPair() {
        AgreementSigned signed = new AgreementSigned("a1", "Defence cooperation", AgreementKind.values()[0], null,
                List.of("IND", "FRA"), List.of(), ON, null, true, false, null, null, null);
        List<EventFacts> facts = follow("a1", signed, new AgreementEnteredIntoForce("a1", ON, List.of(), null));
        Criteria inForce = new Criteria(null, List.of(new Criteria.Pair("FRA", "IND", true)), null, null, null,
                new Criteria.Changes(List.of("IN_FORCE")), null, null);
        assertThat(facts).extracting(f -> WatchlistMatching.matches(inForce, f)).containsExactly(false, true);
        assertThat(facts.get(1).record().status()).isEqualTo("IN_FORCE");
    }

    @Test
    void criteriaThatNameNothingMatchNothing() {
        EventFacts report = follow("d1", sale("FRA", "IND")).get(0);
        assertThat(WatchlistMatching.matches(new Criteria(null, null, null, null, null, null, null, false), report))
                .isFalse();
    }

    @Test
    void aWatchlistIgnoresEventsRecordedBeforeItWasMade() {
        EventFacts report = follow("d1", sale("FRA", "IND")).get(0);
        Criteria india = criteria(List.of("IND"), null);
        Watchlist made = new Watchlist(java.util.UUID.randomUUID(), "viewer", "India", india, null,
                report.time().plusSeconds(1), report.time().plusSeconds(1));
        assertThat(made.watches(report)).isFalse();
        Watchlist earlier = new Watchlist(made.id(), "viewer", "India", india, null, report.time().minusSeconds(1),
                report.time().minusSeconds(1));
        assertThat(earlier.watches(report)).isTrue();
    }

    @Test
    void signaturesAreTheHmacOfTheBody() {
        // RFC 4231 test case 2
        assertThat(WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes()))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void backOffDoublesUpToItsLimit() {
        WatchProperties.Webhook settings = new WatchProperties.Webhook(List.of(), java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(30), 8, java.time.Duration.ofSeconds(10), 4,
                java.time.Duration.ofMillis(200));
        assertThat(List.of(1, 2, 3, 4, 5)).extracting(n -> WebhookSender.backoff(settings, n).toSeconds())
                .containsExactly(5L, 10L, 20L, 30L, 30L);
    }
}
