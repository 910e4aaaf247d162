package org.dyad.views.model;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementRenounced;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.projection.AgreementProjection;
import org.dyad.views.projection.AgreementView;
import org.dyad.views.projection.DealProjection;
import org.dyad.views.projection.DealView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.model.LoggedFacts.SIPRI;
import static org.dyad.views.model.LoggedFacts.by;

/** The fold behind every view, without Spring or a database. */
class HistoryFolderTest {

    private static final Source TIMES = new Source("Los Angeles Times", "Accords", null, PartialDate.parse("2001-03-13"),
            null, "en");

    private final LoggedFacts recorded = new LoggedFacts();
    private final List<LoggedFact> facts = recorded.all();

    private LoggedFact fact(DyadEvent event) {
        return recorded.add(event);
    }

    private static Estimate usd(long amount, EstimateQualifier qualifier) {
        return new Estimate(BigDecimal.valueOf(amount), null, null, "USD", qualifier, null, null, null);
    }

    private static PartialDate date(String text) {
        return PartialDate.parse(text);
    }

    private SaleReported sale() {
        return new SaleReported("d", "RUS", "IRN", List.of(DealItem.of("S-300", "SAM system", null)),
                DealStage.REPORTED, date("2001-03-12"), null, List.of(usd(7_000_000_000L, EstimateQualifier.COULD_REACH)),
                by(TIMES, "2001-03-13T10:00:00Z"));
    }

    @Test
    void conflictingEstimatesStaySideBySideLatestPerSource() {
        fact(sale());
        fact(new EstimateRecorded("d", usd(800_000_000L, EstimateQualifier.ABOUT), date("2007"),
                by(SIPRI, "2008-01-01T00:00:00Z")));
        fact(new EstimateRecorded("d", usd(6_000_000_000L, EstimateQualifier.UP_TO), date("2001-04"),
                by(TIMES, "2001-04-02T00:00:00Z")));

        DealView deal = DealProjection.fold(HistoryFolder.history(facts, null), 2);

        assertThat(deal.estimates()).hasSize(3);
        assertThat(deal.latestEstimates()).extracting(c -> c.estimate().amount().longValue())
                .containsExactlyInAnyOrder(6_000_000_000L, 800_000_000L);
    }

    @Test
    void aCorrectionChangesTheViewAndHistoryKeepsTheOriginal() {
        LoggedFact report = fact(sale());
        fact(new RecordCorrected("d", report.eventId(), "SaleReported",
                Map.of("estimates", List.of(Map.of("amount", 5_000_000_000L, "currency", "USD", "qualifier", "UP_TO"))),
                "misread figure", by(TIMES, "2001-03-20T00:00:00Z")));

        DealView deal = DealProjection.fold(HistoryFolder.history(facts, null), 1);

        assertThat(deal.latestEstimates().get(0).estimate().amount()).isEqualByComparingTo("5000000000");
        assertThat(deal.latestEstimates().get(0).corrected()).isTrue();
        HistoryEntry entry = deal.history().get(0);
        assertThat(((SaleReported) entry.original()).estimates().get(0).amount()).isEqualByComparingTo("7000000000");
        assertThat(entry.corrections()).singleElement().extracting(HistoryEntry.Amendment::reason)
                .isEqualTo("misread figure");
    }

    @Test
    void aRetractedEstimateNoLongerCountsButStaysInHistory() {
        fact(sale());
        LoggedFact estimate = fact(new EstimateRecorded("d", usd(1, EstimateQualifier.EXACT), date("2002"),
                by(SIPRI, "2002-01-01T00:00:00Z")));
        fact(new RecordRetracted("d", estimate.eventId(), "EstimateRecorded", "hoax", by(SIPRI, "2002-02-01T00:00:00Z")));

        DealView deal = DealProjection.fold(HistoryFolder.history(facts, null), 2);

        assertThat(deal.estimates()).hasSize(1);
        assertThat(deal.history()).filteredOn(HistoryEntry::retracted).singleElement()
                .extracting(HistoryEntry::eventId).isEqualTo(estimate.eventId());
    }

    @Test
    void aDealWhoseReportIsRetractedIsGone() {
        LoggedFact report = fact(sale());
        fact(new RecordRetracted("d", report.eventId(), "SaleReported", "hoax", by(TIMES, "2001-04-01T00:00:00Z")));
        assertThat(DealProjection.fold(HistoryFolder.history(facts, null), 1)).isNull();
    }

    @Test
    void asOfADateOnlyFactsValidByThenCount() {
        fact(sale());
        fact(new DealCancelled("d", date("2010-09-22"), "UN embargo", by(TIMES, "2010-09-23T00:00:00Z")));

        assertThat(DealProjection.fold(HistoryFolder.history(facts, LocalDate.parse("2005-01-01")), 1).status())
                .isEqualTo(DealStatus.ACTIVE);
        assertThat(DealProjection.fold(HistoryFolder.history(facts, LocalDate.parse("2011-01-01")), 1).status())
                .isEqualTo(DealStatus.CANCELLED);
        assertThat(DealProjection.fold(HistoryFolder.history(facts, LocalDate.parse("2000-01-01")), 1)).isNull();
    }

    private void signedPactInForce() {
        fact(new AgreementSigned("a", "Pact", AgreementKind.AGREEMENT, List.of(), List.of("RUS", "USA"),
                List.of("IRN"), date("1995"), null, null, true, null, date("2010"), by(TIMES, "2001-03-13T00:00:00Z")));
        fact(new AgreementEnteredIntoForce("a", date("1995"), List.of("RUS", "USA"),
                by(TIMES, "2001-03-13T00:00:00Z")));
    }

    private static PartyStatus statusOf(AgreementView agreement, String party) {
        return agreement.parties().stream().filter(p -> p.party().equals(party)).findFirst().orElseThrow().status();
    }

    @Test
    void aWithdrawalIsNotifiedUntilItsEffectiveDateAndWithdrawnFromIt() {
        signedPactInForce();
        fact(new WithdrawalNotified("a", "USA", date("2001-12-13"), date("2002-06-13"),
                by(TIMES, "2001-12-14T00:00:00Z")));
        List<HistoryEntry> history = HistoryFolder.history(facts, null);

        assertThat(statusOf(AgreementProjection.fold(history, 2, LocalDate.parse("2002-01-01")), "USA"))
                .isEqualTo(PartyStatus.WITHDRAWAL_NOTIFIED);
        assertThat(statusOf(AgreementProjection.fold(history, 2, LocalDate.parse("2002-06-13")), "USA"))
                .isEqualTo(PartyStatus.WITHDRAWN);
        assertThat(AgreementProjection.fold(history, 2, LocalDate.parse("2002-01-01"))
                .nextChangeAfter(LocalDate.parse("2002-01-01"))).isEqualTo(LocalDate.parse("2002-06-13"));
    }

    @Test
    void anAgreementPastItsExpiryShowsExpired() {
        signedPactInForce();
        List<HistoryEntry> history = HistoryFolder.history(facts, null);
        assertThat(AgreementProjection.fold(history, 1, LocalDate.parse("2009-06-01")).status())
                .isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(AgreementProjection.fold(history, 1, LocalDate.parse("2011-01-01")).status())
                .isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void thePactWasInForceBeforeItsRenunciation() {
        signedPactInForce();
        fact(new AgreementRenounced("a", date("~2000-11"), "RUS", "made public", by(TIMES, "2001-03-13T00:00:00Z")));
        LocalDate june2000 = LocalDate.parse("2000-06-01");

        assertThat(statusOf(AgreementProjection.fold(HistoryFolder.history(facts, june2000), 2, june2000), "RUS"))
                .isEqualTo(PartyStatus.IN_FORCE);
        assertThat(statusOf(AgreementProjection.fold(HistoryFolder.history(facts, null), 2, LocalDate.parse("2001-01-01")),
                "RUS")).isEqualTo(PartyStatus.RENOUNCED);
    }

    @Test
    void aBilateralPactEndsWhenOneOfItsTwoPartiesRenouncesIt() {
        signedPactInForce();
        LocalDate june2000 = LocalDate.parse("2000-06-01");
        assertThat(AgreementProjection.fold(HistoryFolder.history(facts, june2000), 1, june2000).status())
                .isEqualTo(AgreementStatus.IN_FORCE);
        fact(new AgreementRenounced("a", date("~2000-11"), "RUS", "made public", by(TIMES, "2001-03-13T00:00:00Z")));

        AgreementView renounced = AgreementProjection.fold(HistoryFolder.history(facts, null), 2,
                LocalDate.parse("2001-01-01"));
        assertThat(renounced.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(statusOf(renounced, "USA")).as("the other party's own status stays").isEqualTo(PartyStatus.IN_FORCE);
        assertThat(AgreementProjection.fold(HistoryFolder.history(facts, june2000), 2, june2000).status())
                .isEqualTo(AgreementStatus.IN_FORCE);
    }
}
