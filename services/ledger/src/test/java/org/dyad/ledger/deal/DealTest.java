package org.dyad.ledger.deal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.ReportSale;
import org.dyad.contracts.deal.SaleReported;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.dyad.ledger.Sources.LA_TIMES_2001;

class DealTest {

    private static final PartialDate MARCH_12 = PartialDate.parse("2001-03-12");
    private static final List<DealItem> S300 = List.of(new DealItem("S-300", "air defence missile system", null));
    private static final Estimate COULD_REACH_7_BILLION = new Estimate(new BigDecimal("7000000000"), null, null,
            "USD", EstimateQualifier.COULD_REACH, null, null, "total arms sales");

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
    }

    @Test
    void reportingASaleRecordsItWithItsEstimateAndSource() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale("deal-1", "RUS", "IRN", S300, DealStage.REPORTED, MARCH_12,
                        COULD_REACH_7_BILLION, LA_TIMES_2001, "analyst"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SaleReported("deal-1", "RUS", "IRN", S300, DealStage.REPORTED, MARCH_12,
                        COULD_REACH_7_BILLION, LA_TIMES_2001, fixture.currentTime(), "analyst"));
    }

    @Test
    void aSaleReportedWithoutAStageIsAReport() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale("deal-1", "RUS", "IRN", S300, null, MARCH_12, null, LA_TIMES_2001,
                        "analyst"))
                .expectEvents(new SaleReported("deal-1", "RUS", "IRN", S300, DealStage.REPORTED, MARCH_12, null,
                        LA_TIMES_2001, fixture.currentTime(), "analyst"))
                .expectState(deal -> org.assertj.core.api.Assertions.assertThat(deal.stage())
                        .isEqualTo(DealStage.REPORTED));
    }

    @Test
    void aStateCannotSellToItself() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale("deal-1", "RUS", "RUS", S300, null, MARCH_12, null, LA_TIMES_2001, "analyst"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("recipient: supplier and recipient must differ")
                .expectNoEvents();
    }

    @Test
    void aDealWithoutItemsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale("deal-1", "RUS", "IRN", List.of(), null, MARCH_12, null, LA_TIMES_2001,
                        "analyst"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("items: a deal needs at least one item")
                .expectNoEvents();
    }

    @Test
    void aDealWithoutASourceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale("deal-1", "RUS", "IRN", S300, null, MARCH_12, null, null, "analyst"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("source: every recorded fact needs a source")
                .expectNoEvents();
    }
}
