package org.dyad.ledger.deal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.command.ConcludeContract;
import org.dyad.contracts.deal.command.ReportSale;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;
import static org.hamcrest.Matchers.containsString;

/**
 * A deal may name the company or state agency that signed it. The case: India's order of five S-400 systems from
 * Russia, signed with Rosoboronexport on 2018-10-05 (the source object is a stand-in from the test fixtures).
 */
class SignedByTest {

    private static final String DEAL = "rus-ind-s400";
    private static final PartialDate SIGNED = date("2018-10-05");
    private static final List<DealItem> S400 = List.of(DealItem.of("S-400", "SAM system", 5));

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private ReportSale report(String signedBy, PartialDate on) {
        return new ReportSale(DEAL, "RUS", "IND", S400, DealStage.CONTRACTED, on, null, null, LA_TIMES_2001, B2,
                ANALYST, signedBy);
    }

    private SaleReported reported() {
        return new SaleReported(DEAL, "RUS", "IND", S400, DealStage.NEGOTIATING, date("2016-10-15"), null, null,
                recorded(fixture));
    }

    @Test
    void aSaleSignedByTheSuppliersExportAgencyIsRecordedWithItsSigner() {
        fixture.givenNoPriorActivity()
                .when(report("GRO", SIGNED))
                .expectEvents(new SaleReported(DEAL, "RUS", "IND", S400, DealStage.CONTRACTED, SIGNED, null, null,
                        recorded(fixture), "GRO"));
    }

    @Test
    void aSignerOfAnotherStateIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(report("CDA", SIGNED))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("signedBy: CDA (Dassault Aviation) acts for FRA, which is "
                        + "neither the supplier RUS nor the recipient IND"))
                .expectNoEvents();
    }

    @Test
    void aStateIsNotASigner() {
        fixture.givenNoPriorActivity()
                .when(report("RUS", SIGNED))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("signedBy: RUS (Russia) is STATE"))
                .expectNoEvents();
    }

    @Test
    void anAgencyCannotSignBeforeItExisted() {
        fixture.givenNoPriorActivity()
                .when(report("GRO", date("1998")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("signedBy: GRO (Rosoboronexport) did not exist before"
                        + " 2000-11-04"))
                .expectNoEvents();
    }

    @Test
    void aCompanyIsNotASupplierButTheSignerOfItsStatesDeal() {
        fixture.givenNoPriorActivity()
                .when(new ReportSale(DEAL, "GRO", "IND", S400, DealStage.CONTRACTED, SIGNED, null, null,
                        LA_TIMES_2001, B2, ANALYST, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("supplier: GRO (Rosoboronexport) is a STATE_AGENCY of RUS; name RUS here and"
                        + " GRO as signedBy")
                .expectNoEvents();
    }

    @Test
    void aContractNamesItsSignerForEitherSide() {
        fixture.given(reported())
                .when(new ConcludeContract(DEAL, SIGNED, null, LA_TIMES_2001, B2, ANALYST, null, "GRO"))
                .expectEvents(new ContractConcluded(DEAL, SIGNED, null, recorded(fixture), "GRO"));
        fixture.given(reported())
                .when(new ConcludeContract(DEAL, SIGNED, null, LA_TIMES_2001, B2, ANALYST, null, "CHA"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aContractSignedByAnotherStatesCompanyIsRefused() {
        fixture.given(reported())
                .when(new ConcludeContract(DEAL, SIGNED, null, LA_TIMES_2001, B2, ANALYST, null, "CLM"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("signedBy: CLM (Lockheed Martin) acts for USA"))
                .expectNoEvents();
    }
}
