package org.dyad.ledger.deal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.command.CancelDeal;
import org.dyad.contracts.deal.command.CompleteDelivery;
import org.dyad.contracts.deal.command.ConcludeContract;
import org.dyad.contracts.deal.command.OpenNegotiation;
import org.dyad.contracts.deal.command.RecordDelivery;
import org.dyad.contracts.deal.command.RecordEstimate;
import org.dyad.contracts.deal.command.RecordTradeRegisterEntry;
import org.dyad.contracts.deal.command.ReportSale;
import org.dyad.contracts.deal.command.ResumeDeal;
import org.dyad.contracts.deal.command.ReviveDeal;
import org.dyad.contracts.deal.command.SupersedeDeal;
import org.dyad.contracts.deal.command.SuspendDeal;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealResumed;
import org.dyad.contracts.deal.event.DealRevived;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;

class DealTest {

    private static final String DEAL = "rus-irn-s300";
    private static final PartialDate MARCH_2001 = date("2001-03-12");
    private static final List<DealItem> S300 = List.of(DealItem.of("S-300", "SAM system", 4));
    private static final Estimate COULD_REACH_7_BILLION = new Estimate(new BigDecimal("7000000000"), null, null,
            "USD", EstimateQualifier.COULD_REACH, null, null, "total arms sales");

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private Provenance provenance() {
        return recorded(fixture);
    }

    private SaleReported reported(DealStage stage) {
        return new SaleReported(DEAL, "RUS", "IRN", S300, stage, MARCH_2001, null, null, provenance());
    }

    private static ReportSale report(String supplier, String recipient, List<DealItem> items, PartialDate on) {
        return new ReportSale(DEAL, supplier, recipient, items, null, on, null, null, LA_TIMES_2001, B2, ANALYST);
    }

    @Nested
    class Reporting {

        @Test
        void aReportRecordsTheSaleWithItsEstimateAndProvenance() {
            fixture.givenNoPriorActivity()
                    .when(new ReportSale(DEAL, "RUS", "IRN", S300, DealStage.REPORTED, MARCH_2001, null,
                            COULD_REACH_7_BILLION, LA_TIMES_2001, B2, ANALYST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SaleReported(DEAL, "RUS", "IRN", S300, DealStage.REPORTED, MARCH_2001, null,
                            List.of(COULD_REACH_7_BILLION), provenance()));
        }

        @Test
        void withoutAStageASaleIsAReport() {
            fixture.givenNoPriorActivity()
                    .when(report("RUS", "IRN", S300, MARCH_2001))
                    .expectEvents(reported(DealStage.REPORTED))
                    .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.REPORTED));
        }

        @Test
        void aStateCannotSellToItself() {
            fixture.givenNoPriorActivity()
                    .when(report("RUS", "RUS", S300, MARCH_2001))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("recipient: supplier and recipient must differ")
                    .expectNoEvents();
        }

        @Test
        void aDealNeedsItems() {
            fixture.givenNoPriorActivity()
                    .when(report("RUS", "IRN", List.of(), MARCH_2001))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("items: a deal needs at least one item")
                    .expectNoEvents();
        }

        @Test
        void aDealNeedsASource() {
            fixture.givenNoPriorActivity()
                    .when(new ReportSale(DEAL, "RUS", "IRN", S300, null, MARCH_2001, null, null, null, null, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("source: every recorded fact needs a source")
                    .expectNoEvents();
        }

        @Test
        void anUnknownActorIsRefusedWithTheClosestCodes() {
            fixture.givenNoPriorActivity()
                    .when(report("RUS", "IRA", S300, MARCH_2001))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("unknown actor 'IRA'"),
                            org.hamcrest.Matchers.containsString("IRN (Iran)"),
                            org.hamcrest.Matchers.containsString("IRQ (Iraq)")))
                    .expectNoEvents();
        }

        @Test
        void theSovietUnionCanSellIn1989ButRussiaCouldNot() {
            fixture.givenNoPriorActivity()
                    .when(report("RUS", "IRN", S300, date("1989")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("supplier: RUS (Russia) did not exist before 1991-12-26, so it cannot act"
                            + " on 1989")
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(report("SUN", "IRN", S300, date("1989")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theSovietUnionCannotSellAfterItsDissolution() {
            fixture.givenNoPriorActivity()
                    .when(report("SUN", "IRN", S300, date("1995")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("ceased to exist on 1991-12-26"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void aReportedDealGoesIntoNegotiation() {
            fixture.given(reported(DealStage.REPORTED))
                    .when(new OpenNegotiation(DEAL, date("2001-04"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new NegotiationOpened(DEAL, date("2001-04"), provenance()))
                    .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.NEGOTIATING));
        }

        @Test
        void negotiationsCannotOpenTwice() {
            fixture.given(reported(DealStage.NEGOTIATING))
                    .when(new OpenNegotiation(DEAL, date("2001-04"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aNegotiatedDealIsContractedWithTheContractedItems() {
            List<DealItem> contracted = List.of(DealItem.of("S-300PMU1", "SAM system", 2));
            fixture.given(reported(DealStage.NEGOTIATING))
                    .when(new ConcludeContract(DEAL, date("2001-12"), contracted, LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new ContractConcluded(DEAL, date("2001-12"), contracted, provenance()))
                    .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.CONTRACTED));
        }

        @Test
        void aDeliveredDealCannotBeContractedAgain() {
            fixture.given(reported(DealStage.DELIVERED))
                    .when(new ConcludeContract(DEAL, date("2002"), null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aTrancheOfTheDealsItemsIsDelivered() {
            Tranche tranche = Tranche.on(date("2002-06"), List.of(new TrancheItem("S-300", 2, false)));
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new RecordDelivery(DEAL, tranche, LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new DeliveryRecorded(DEAL, tranche, provenance()))
                    .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.DELIVERING));
        }

        @Test
        void aTrancheOfSomethingElseIsRefused() {
            Tranche tranche = Tranche.on(date("2002-06"), List.of(new TrancheItem("Tor-M1", 2, false)));
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new RecordDelivery(DEAL, tranche, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("tranche.items[0].designation:"))
                    .expectNoEvents();
        }

        @Test
        void aDeliveryCannotPredateTheDeal() {
            Tranche tranche = Tranche.on(date("1999"), List.of(new TrancheItem("S-300", 2, false)));
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new RecordDelivery(DEAL, tranche, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("tranche.deliveredOn: 1999 is before"))
                    .expectNoEvents();
        }

        @Test
        void aContractedDealIsCompleted() {
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new CompleteDelivery(DEAL, date("2003"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new DeliveryCompleted(DEAL, date("2003"), provenance()))
                    .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.DELIVERED));
        }

        @Test
        void aMereReportCannotBeCompleted() {
            fixture.given(reported(DealStage.REPORTED))
                    .when(new CompleteDelivery(DEAL, date("2003"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aFullyDeliveredDealTakesNoMoreDeliveries() {
            Tranche tranche = Tranche.on(date("2004"), List.of(new TrancheItem("S-300", 1, false)));
            fixture.given(reported(DealStage.DELIVERED))
                    .when(new RecordDelivery(DEAL, tranche, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class SideStates {

        private DealSuspended suspended() {
            return new DealSuspended(DEAL, date("2010-09-22"), "UN embargo", provenance());
        }

        private DealCancelled cancelled() {
            return new DealCancelled(DEAL, date("2010-09-22"), "UN embargo", provenance());
        }

        @Test
        void anEmbargoSuspendsTheDeal() {
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new SuspendDeal(DEAL, date("2010-09-22"), "UN embargo", LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(suspended())
                    .expectState(deal -> assertThat(deal.status()).isEqualTo(DealStatus.SUSPENDED));
        }

        @Test
        void aSuspensionNeedsAReason() {
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new SuspendDeal(DEAL, date("2010-09-22"), " ", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSuspendedDealCannotBeDelivered() {
            Tranche tranche = Tranche.on(date("2011"), List.of(new TrancheItem("S-300", 1, false)));
            fixture.given(reported(DealStage.CONTRACTED), suspended())
                    .when(new RecordDelivery(DEAL, tranche, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("SUSPENDED"))
                    .expectNoEvents();
        }

        @Test
        void aSuspendedDealResumesAtItsStage() {
            fixture.given(reported(DealStage.CONTRACTED), suspended())
                    .when(new ResumeDeal(DEAL, date("2015-04"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new DealResumed(DEAL, date("2015-04"), provenance()))
                    .expectState(deal -> {
                        assertThat(deal.status()).isEqualTo(DealStatus.ACTIVE);
                        assertThat(deal.stage()).isEqualTo(DealStage.CONTRACTED);
                    });
        }

        @Test
        void onlyASuspendedDealResumes() {
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new ResumeDeal(DEAL, date("2015-04"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aDealIsCancelledEvenWhileSuspended() {
            fixture.given(reported(DealStage.CONTRACTED), suspended())
                    .when(new CancelDeal(DEAL, date("2010-09-22"), "UN embargo", LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(cancelled())
                    .expectState(deal -> assertThat(deal.status()).isEqualTo(DealStatus.CANCELLED));
        }

        @Test
        void aCancellationCitesTheEmbargoThatStoppedTheDeal() {
            // Russia's decree of 2010-09-22 barred the S-300 delivery under UN Security Council resolution 1929
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new CancelDeal(DEAL, date("2010-09-22"), "UN embargo", LA_TIMES_2001, B2, ANALYST, null,
                            "unsc-1929-irn"))
                    .expectEvents(new DealCancelled(DEAL, date("2010-09-22"), "UN embargo", provenance(),
                            "unsc-1929-irn"));
        }

        @Test
        void aCancelledDealCannotBeDelivered() {
            fixture.given(reported(DealStage.CONTRACTED), cancelled())
                    .when(new CompleteDelivery(DEAL, date("2011"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("CANCELLED"))
                    .expectNoEvents();
        }

        @Test
        void aDeliveredDealCannotBeCancelled() {
            fixture.given(reported(DealStage.DELIVERED))
                    .when(new CancelDeal(DEAL, date("2011"), "too late", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aCancelledDealIsRevivedAtAnOpenStage() {
            fixture.given(reported(DealStage.CONTRACTED), cancelled())
                    .when(new ReviveDeal(DEAL, date("2015-04"), DealStage.NEGOTIATING, LA_TIMES_2001, B2, ANALYST,
                            null))
                    .expectEvents(new DealRevived(DEAL, date("2015-04"), DealStage.NEGOTIATING, provenance()))
                    .expectState(deal -> {
                        assertThat(deal.status()).isEqualTo(DealStatus.ACTIVE);
                        assertThat(deal.stage()).isEqualTo(DealStage.NEGOTIATING);
                    });
        }

        @Test
        void aRevivalCannotJumpToDelivered() {
            fixture.given(reported(DealStage.CONTRACTED), cancelled())
                    .when(new ReviveDeal(DEAL, date("2015-04"), DealStage.DELIVERED, LA_TIMES_2001, B2, ANALYST,
                            null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyACancelledDealIsRevived() {
            fixture.given(reported(DealStage.CONTRACTED))
                    .when(new ReviveDeal(DEAL, date("2015-04"), DealStage.CONTRACTED, LA_TIMES_2001, B2, ANALYST,
                            null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void anotherDealSupersedesThisOne() {
            fixture.given(reported(DealStage.NEGOTIATING))
                    .when(new SupersedeDeal(DEAL, date("2007"), "rus-irn-s300pmu1", LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new DealSuperseded(DEAL, date("2007"), "rus-irn-s300pmu1", provenance()))
                    .expectState(deal -> assertThat(deal.status()).isEqualTo(DealStatus.SUPERSEDED));
        }

        @Test
        void aDealCannotSupersedeItself() {
            fixture.given(reported(DealStage.NEGOTIATING))
                    .when(new SupersedeDeal(DEAL, date("2007"), DEAL, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSupersededDealCannotBeSupersededAgain() {
            fixture.given(reported(DealStage.NEGOTIATING),
                            new DealSuperseded(DEAL, date("2007"), "other", provenance()))
                    .when(new SupersedeDeal(DEAL, date("2008"), "third", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Estimates {

        @Test
        void estimatesFromOtherSourcesStandSideBySide() {
            Estimate upTo = new Estimate(null, new BigDecimal("800000000"), new BigDecimal("1000000000"), "USD",
                    EstimateQualifier.ABOUT, 2007, null, "S-300 contract");
            fixture.given(new SaleReported(DEAL, "RUS", "IRN", S300, DealStage.REPORTED, MARCH_2001, null,
                            List.of(COULD_REACH_7_BILLION), provenance()))
                    .when(new RecordEstimate(DEAL, upTo, date("2007-12"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new EstimateRecorded(DEAL, upTo, date("2007-12"), provenance()));
        }

        @Test
        void aCancelledDealStillTakesEstimates() {
            fixture.given(reported(DealStage.CONTRACTED),
                            new DealCancelled(DEAL, date("2010"), "embargo", provenance()))
                    .when(new RecordEstimate(DEAL, COULD_REACH_7_BILLION, date("2011"), LA_TIMES_2001, B2, ANALYST,
                            null))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void aDealWhoseReportWasRetractedTakesNoMoreFacts() {
        fixture.given(reported(DealStage.REPORTED),
                        new RecordRetracted(DEAL, "e-1", "SaleReported", "the report was a hoax", provenance()))
                .when(new OpenNegotiation(DEAL, date("2002"), LA_TIMES_2001, B2, ANALYST, null))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("the report that created this deal was retracted")
                .expectNoEvents();
    }

    @Nested
    class RegisterEntries {

        private final DealItem mi17 = DealItem.of("Mi-17", "transport helicopter", 42);
        private final Estimate deal180m = new Estimate(new BigDecimal("180000000"), null, null, "USD",
                EstimateQualifier.EXACT, null, null, "value in SIPRI comment");
        private final Estimate tiv = new Estimate(new BigDecimal("304.5"), null, null, "TIV", EstimateQualifier.EXACT,
                null, null, "SIPRI TIV for total order");

        @Test
        void aFullyDeliveredOrderBecomesAReportWithItsEstimatesADeliveryAndACompletion() {
            Tranche tranche = new Tranche(date("2002"), List.of(date("2002"), date("2003"), date("2004")),
                    List.of(new TrancheItem("Mi-17", 42, true)));
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "DZA", mi17, null, date("2002"), tranche,
                            date("2004"), null, List.of(deal180m, tiv), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectEvents(
                            new SaleReported(DEAL, "RUS", "DZA", List.of(mi17), DealStage.CONTRACTED, date("2002"),
                                    null, List.of(deal180m, tiv), provenance()),
                            new DeliveryRecorded(DEAL, tranche, provenance()),
                            new DeliveryCompleted(DEAL, date("2004"), provenance()))
                    .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.DELIVERED));
        }

        @Test
        void aCancelledOrderWithoutDeliveriesIsCancelled() {
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "LBY", mi17, null, date("~2010"), null, null,
                            date("~2011"), List.of(), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectEvents(
                            new SaleReported(DEAL, "RUS", "LBY", List.of(mi17), DealStage.CONTRACTED, date("~2010"),
                                    null, null, provenance()),
                            new DealCancelled(DEAL, date("~2011"), "cancelled according to the register's comments",
                                    provenance()));
        }

        /** Built like the register's "ordered from the Soviet Union, delivered by Russia" (figures invented). */
        @Test
        void anOrderPlacedWithThePredecessorAndDeliveredByTheSuccessorIsAccepted() {
            DealItem mig29 = DealItem.of("MiG-29", "fighter aircraft", 10);
            Tranche tranche = new Tranche(date("1994"), List.of(date("1994"), date("1995")),
                    List.of(new TrancheItem("MiG-29", 10, false)));
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "IND", mig29, null, date("1989"), tranche,
                            date("1995"), null, List.of(), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectSuccessfulHandlerExecution();
            // an order still open when Russia took over
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "IND", mig29, null, date("1990"), null, null,
                            null, List.of(), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSuccessorCannotBeNamedForAnOrderOverBeforeItExisted() {
            DealItem mig29 = DealItem.of("MiG-29", "fighter aircraft", 10);
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "IND", mig29, null, date("1986"),
                            Tranche.on(date("1988"), List.of(new TrancheItem("MiG-29", 10, false))), date("1988"),
                            null, List.of(), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("supplier: RUS did not exist before 1991-12-26 and the order of 1986 was"
                            + " over by then; name SUN")
                    .expectNoEvents();
            // no state Russia succeeded existed then
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "IND", mig29, null, date("1920"), null, null,
                            null, List.of(), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("supplier: RUS (Russia) did not exist before 1991-12-26, so it cannot act"
                            + " on 1920")
                    .expectNoEvents();
        }

        @Test
        void aDeliveryBeforeTheOrderIsRefused() {
            Tranche tranche = Tranche.on(date("1999"), List.of(new TrancheItem("Mi-17", 42, false)));
            fixture.givenNoPriorActivity()
                    .when(new RecordTradeRegisterEntry(DEAL, "RUS", "DZA", mi17, null, date("2002"), tranche, null,
                            null, List.of(), null, null, 0, null, LA_TIMES_2001, B2, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    /** A new fact takes its place in valid time; the lifecycle must be possible in that order. */
    @Nested
    class ValidTimeOrder {

        private DealSuspended suspendedOn(String date) {
            return new DealSuspended(DEAL, date(date), "embargo", provenance());
        }

        private CancelDeal cancelOn(String date) {
            return new CancelDeal(DEAL, date(date), "cancelled", LA_TIMES_2001, B2, ANALYST, null);
        }

        @Test
        void aCancellationDatedBeforeALaterSuspensionIsRefusedNamingTheSuspension() {
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2018-09-22"))
                    .when(cancelOn("2017-01-05"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("on: the deal was suspended on 2018-09-22; a cancellation on 2017-01-05"
                            + " would come before it")
                    .expectNoEvents();
        }

        @Test
        void aCancellationAfterTheSuspensionIsAccepted() {
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2014-11-25"))
                    .when(cancelOn("2015-02-01"))
                    .expectSuccessfulHandlerExecution()
                    .expectState(deal -> assertThat(deal.status()).isEqualTo(DealStatus.CANCELLED));
        }

        @Test
        void aCancellationDatedOnlyByTheYearOfTheSuspensionMayComeAfterItAndIsAccepted() {
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2014-11-25"))
                    .when(cancelOn("2014"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DealCancelled(DEAL, date("2014"), "cancelled", provenance()));
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2014-11-25"))
                    .when(cancelOn("2014-11"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCancellationSurelyBeforeAnImpreciseSuspensionIsRefused() {
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2015"))
                    .when(cancelOn("2014-12-31"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("on: the deal was suspended on 2015; a cancellation on 2014-12-31 would"
                            + " come before it");
        }

        @Test
        void aDeliveryBeforeTheContractIsRefused() {
            Tranche tranche = Tranche.on(date("2001-06"), List.of(new TrancheItem("S-300", 1, false)));
            fixture.given(reported(DealStage.REPORTED),
                            new ContractConcluded(DEAL, date("2001-12-20"), null, provenance()))
                    .when(new RecordDelivery(DEAL, tranche, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("tranche.deliveredOn: the deal was contracted on 2001-12-20; a delivery on"
                            + " 2001-06 would come before it")
                    .expectNoEvents();
        }

        @Test
        void tranchesMayBeRecordedInAnyOrder() {
            Tranche earlier = Tranche.on(date("2003-01"), List.of(new TrancheItem("S-300", 1, false)));
            fixture.given(reported(DealStage.CONTRACTED), new DeliveryRecorded(DEAL,
                            Tranche.on(date("2004-05"), List.of(new TrancheItem("S-300", 1, false))), provenance()))
                    .when(new RecordDelivery(DEAL, earlier, LA_TIMES_2001, B2, ANALYST, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSuspensionInsideAnEarlierSuspendedSpanIsRefusedNamingThatSuspension() {
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2005-01-10"),
                            new DealResumed(DEAL, date("2008-03-01"), provenance()))
                    .when(new SuspendDeal(DEAL, date("2006"), "again", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("on: the deal was resumed on 2008-03-01; a suspension on 2006 would come"
                            + " before it");
        }

        @Test
        void aCorrectedReportDateMovesWhereTheDealBegins() {
            fixture.given(reported(DealStage.REPORTED), new RecordCorrected(DEAL, "report", "SaleReported",
                            Map.of("reportedOn", "2000-11"), "first reported earlier", provenance()))
                    .when(new OpenNegotiation(DEAL, date("2000-12"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aLifecycleAlreadyStoredOutOfOrderDoesNotBlockNewFacts() {
            // stored before the order was checked: cancelled 2017, suspended 2018
            fixture.given(reported(DealStage.CONTRACTED), suspendedOn("2018-09-22"),
                            new DealCancelled(DEAL, date("2017-01-05"), "cancelled", provenance()))
                    .when(new ReviveDeal(DEAL, date("2019"), DealStage.CONTRACTED, LA_TIMES_2001, B2, ANALYST, null))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
