package org.dyad.ledger.deal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.command.CancelDeal;
import org.dyad.contracts.deal.command.ConcludeContract;
import org.dyad.contracts.deal.command.NotifySale;
import org.dyad.contracts.deal.command.OpenNegotiation;
import org.dyad.contracts.deal.command.ReportSale;
import org.dyad.contracts.deal.command.SupersedeDeal;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;
import static org.hamcrest.Matchers.containsString;

/**
 * A sale notified to a legislature starts at NOTIFIED and may go on to negotiation or a contract, or be cancelled or
 * superseded. The case: DSCA transmittal 20-23, F-35 follow-on support for the Republic of Korea, notified to the US
 * Congress on 2020-04-10 at an estimated total cost of $675 million.
 */
class NotifiedSaleTest {

    private static final String DEAL = "usa-kor-2020-f-35-follow-on-support";
    private static final PartialDate NOTIFIED_ON = date("2020-04-10");
    private static final List<DealItem> SUPPORT = List.of(DealItem.of("F-35 follow-on support",
            "spare parts, support equipment, software and logistics support", null));
    private static final SaleNotification TRANSMITTAL = new SaleNotification("20-23", "US Congress");
    private static final Estimate CEILING = new Estimate(new BigDecimal("675000000"), null, null, "USD",
            EstimateQualifier.ESTIMATED_TOTAL_COST, null, null, "estimated total program cost");

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private NotifySale notify(String supplier, List<DealItem> items, SaleNotification notification) {
        return new NotifySale(DEAL, supplier, "KOR", items, NOTIFIED_ON, notification, CEILING, LA_TIMES_2001, B2,
                ANALYST);
    }

    private SaleNotified notified() {
        return new SaleNotified(DEAL, "USA", "KOR", SUPPORT, NOTIFIED_ON, TRANSMITTAL, List.of(CEILING),
                recorded(fixture));
    }

    @Test
    void aNotificationIsRecordedAtStageNotifiedWithItsNumberAndEstimate() {
        fixture.givenNoPriorActivity()
                .when(notify("USA", SUPPORT, TRANSMITTAL))
                .expectEvents(notified())
                .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.NOTIFIED));
    }

    @Test
    void aNotificationWithoutANumberIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(notify("USA", SUPPORT, new SaleNotification(" ", "US Congress")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("notification.number: "))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(notify("USA", SUPPORT, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("notification: "))
                .expectNoEvents();
    }

    @Test
    void aNotificationFollowsTheRulesOfAReport() {
        fixture.givenNoPriorActivity()
                .when(notify("KOR", SUPPORT, TRANSMITTAL))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("recipient: supplier and recipient must differ")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(notify("USA", List.of(), TRANSMITTAL))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("items: a deal needs at least one item")
                .expectNoEvents();
    }

    @Test
    void aReportCannotStartAtNotifiedWithoutItsNotification() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale(DEAL, "USA", "KOR", SUPPORT, DealStage.NOTIFIED, NOTIFIED_ON, null, CEILING,
                        LA_TIMES_2001, B2, ANALYST))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("stage: a notified sale is recorded with its notification"))
                .expectNoEvents();
    }

    @Test
    void aNotifiedSaleCanBeContractedWithoutNegotiation() {
        fixture.given(notified())
                .when(new ConcludeContract(DEAL, date("2020-09"), null, LA_TIMES_2001, B2, ANALYST, null))
                .expectEvents(new ContractConcluded(DEAL, date("2020-09"), null, recorded(fixture)))
                .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.CONTRACTED));
    }

    @Test
    void aNotifiedSaleCanOpenNegotiation() {
        fixture.given(notified())
                .when(new OpenNegotiation(DEAL, date("2020-05"), LA_TIMES_2001, B2, ANALYST, null))
                .expectEvents(new NegotiationOpened(DEAL, date("2020-05"), recorded(fixture)))
                .expectState(deal -> assertThat(deal.stage()).isEqualTo(DealStage.NEGOTIATING));
    }

    @Test
    void aNotifiedSaleThatNeverBecameAContractCanBeCancelledOrSuperseded() {
        fixture.given(notified())
                .when(new CancelDeal(DEAL, date("2021"), "the request was withdrawn", LA_TIMES_2001, B2, ANALYST,
                        null))
                .expectEvents(new DealCancelled(DEAL, date("2021"), "the request was withdrawn", recorded(fixture)));
        fixture.given(notified())
                .when(new SupersedeDeal(DEAL, date("2021"), "usa-kor-2021-f-35-support", LA_TIMES_2001, B2,
                        ANALYST, null))
                .expectEvents(new DealSuperseded(DEAL, date("2021"), "usa-kor-2021-f-35-support",
                        recorded(fixture)));
    }

    @Test
    void aContractBeforeTheNotificationIsRefused() {
        fixture.given(notified())
                .when(new ConcludeContract(DEAL, date("2019-12"), null, LA_TIMES_2001, B2, ANALYST, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aContractedSaleDoesNotGoBackToNegotiation() {
        fixture.given(notified(), new ContractConcluded(DEAL, date("2020-09"), null, recorded(fixture)))
                .when(new OpenNegotiation(DEAL, date("2020-10"), LA_TIMES_2001, B2, ANALYST, null))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }
}
