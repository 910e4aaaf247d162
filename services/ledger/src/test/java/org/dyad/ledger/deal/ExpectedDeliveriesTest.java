package org.dyad.ledger.deal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.command.ExpectDelivery;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DeliveryExpected;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;

/**
 * A deal's expected deliveries. India contracted five S-400 regiments from Russia in 2018; the remaining units were
 * reported due within two years of 2023 (the dates of the expectation are test facts).
 */
class ExpectedDeliveriesTest {

    private static final String DEAL = "rus-ind-s400";
    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private Provenance provenance() {
        return recorded(fixture);
    }

    private SaleReported contracted() {
        return new SaleReported(DEAL, "RUS", "IND", List.of(DealItem.of("S-400", "SAM system", 5)),
                DealStage.CONTRACTED, date("2018-10-05"), null, null, provenance());
    }

    private static ExpectDelivery expect(String statedOn, String dueFrom, String dueBy, String designation) {
        return new ExpectDelivery(DEAL, date(statedOn), dueFrom == null ? null : PartialDate.parse(dueFrom),
                date(dueBy), designation, 2, "the remaining units are due within two years", LA_TIMES_2001, B2,
                ANALYST, null);
    }

    @Test
    void anExpectedDeliveryIsRecordedWithItsPeriod() {
        fixture.given(contracted())
                .when(expect("2023-03", null, "2025-03", "S-400"))
                .expectEvents(new DeliveryExpected(DEAL, date("2023-03"), null, date("2025-03"), "S-400", 2,
                        "the remaining units are due within two years", provenance()));
    }

    @Test
    void theItemExpectedIsAnItemOfTheDeal() {
        fixture.given(contracted())
                .when(expect("2023-03", null, "2025-03", "S-500"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("designation: 'S-500' is not an item of this deal ([S-400])")
                .expectNoEvents();
    }

    @Test
    void aDeliveryIsNotDueBeforeItWasExpected() {
        fixture.given(contracted())
                .when(expect("2023-03", null, "2022", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("dueBy: 2022 is before the expectation was stated (2023-03)")
                .expectNoEvents();
    }

    @Test
    void aPeriodStartsBeforeItEnds() {
        fixture.given(contracted())
                .when(expect("2023-03", "2025", "2024", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("dueFrom: 2025 is after dueBy (2024)")
                .expectNoEvents();
    }

    @Test
    void anExpectationCannotPredateTheDeal() {
        fixture.given(contracted())
                .when(expect("2017", null, "2020", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("statedOn:"))
                .expectNoEvents();
    }

    @Test
    void aCancelledDealExpectsNoDelivery() {
        fixture.given(contracted(), new DealCancelled(DEAL, date("2019"), "test fact", provenance()))
                .when(expect("2023-03", null, "2025-03", null))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aFullyDeliveredDealExpectsNoMore() {
        fixture.given(new SaleReported(DEAL, "RUS", "IND", List.of(DealItem.of("S-400", "SAM system", 5)),
                        DealStage.DELIVERED, date("2018-10-05"), null, null, provenance()))
                .when(expect("2023-03", null, "2025-03", null))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }
}
