package org.dyad.ledger.agreement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSigned;
import org.dyad.contracts.agreement.SignAgreement;
import org.dyad.contracts.common.PartialDate;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dyad.ledger.Sources.LA_TIMES_2001;

class AgreementTest {

    private static final PartialDate MARCH_12 = PartialDate.parse("2001-03-12");
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
    }

    private static SignAgreement sign(List<String> parties) {
        return new SignAgreement("rus-irn-1", "General principles", AgreementKind.AGREEMENT,
                List.of("MILITARY_COOPERATION"), parties, MARCH_12, "Moscow", LA_TIMES_2001, "analyst");
    }

    @Test
    void signingRecordsTheAgreementWithItsSourceAndWhoRecordedItWhen() {
        fixture.givenNoPriorActivity()
                .when(sign(List.of("RUS", "IRN")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementSigned("rus-irn-1", "General principles", AgreementKind.AGREEMENT,
                        List.of("MILITARY_COOPERATION"), List.of("RUS", "IRN"), MARCH_12, "Moscow", LA_TIMES_2001,
                        fixture.currentTime(), "analyst"));
    }

    @Test
    void aMultilateralAgreementKeepsAllItsParties() {
        fixture.givenNoPriorActivity()
                .when(sign(List.of("RUS", "IRN", "CHN")))
                .expectEvents(new AgreementSigned("rus-irn-1", "General principles", AgreementKind.AGREEMENT,
                        List.of("MILITARY_COOPERATION"), List.of("RUS", "IRN", "CHN"), MARCH_12, "Moscow",
                        LA_TIMES_2001, fixture.currentTime(), "analyst"));
    }

    @Test
    void anAgreementWithOnePartyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sign(List.of("RUS")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("parties: an agreement needs two or more parties")
                .expectNoEvents();
    }

    @Test
    void aPartyListedTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sign(List.of("RUS", "IRN", "RUS")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("parties: a party is listed more than once")
                .expectNoEvents();
    }

    @Test
    void anAgreementWithoutASourceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SignAgreement("rus-irn-1", "General principles", AgreementKind.AGREEMENT, List.of(),
                        List.of("RUS", "IRN"), MARCH_12, null, null, "analyst"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("source: every recorded fact needs a source")
                .expectNoEvents();
    }
}
