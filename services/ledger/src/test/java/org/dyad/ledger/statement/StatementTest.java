package org.dyad.ledger.statement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.contracts.statement.ClaimedAmount;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.statement.command.RecordStatement;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;

class StatementTest {

    private static final String CONDITION = "if Russia sells Iran advanced conventional weapons";
    private AggregateTestFixture<Statement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Statement.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private static RecordStatement protest(String speaker, List<String> addressees) {
        return new RecordStatement("us-protest", speaker, addressees, StatementKind.PROTEST, date("2001-03-12"),
                "will protest vigorously", "114", CONDITION, null, null, LA_TIMES_2001, B2, ANALYST);
    }

    @Test
    void aConditionalProtestIsRecordedWithItsCameoCode() {
        fixture.givenNoPriorActivity()
                .when(protest("USA", List.of("RUS", "IRN")))
                .expectEvents(new StatementRecorded("us-protest", "USA", List.of("RUS", "IRN"), StatementKind.PROTEST,
                        date("2001-03-12"), "will protest vigorously", "114", CONDITION, null, null,
                        recorded(fixture)));
    }

    @Test
    void aStatementIsAddressedToSomeone() {
        fixture.givenNoPriorActivity()
                .when(protest("USA", List.of()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aSpeakerDoesNotAddressItself() {
        fixture.givenNoPriorActivity()
                .when(protest("USA", List.of("USA")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("addressees: the speaker cannot address itself")
                .expectNoEvents();
    }

    @Test
    void anUnknownSpeakerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(protest("USX", List.of("RUS")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("USA (United States)"))
                .expectNoEvents();
    }

    @Test
    void aStatementClaimsAnAmountOfMoney() {
        // Iran claimed about $4 billion from Rosoboronexport in 2011 over the cancelled S-300 contract
        ClaimedAmount claim = new ClaimedAmount(new BigDecimal("4000000000"), "USD", ClaimedAmount.Nature.CLAIMED);
        fixture.givenNoPriorActivity()
                .when(new RecordStatement("irn-s300-claim", "IRN", List.of("RUS"), StatementKind.DEMAND,
                        date("2011"), "compensation for the cancelled S-300 contract", null, null, null, null,
                        LA_TIMES_2001, B2, ANALYST, claim))
                .expectEvents(new StatementRecorded("irn-s300-claim", "IRN", List.of("RUS"), StatementKind.DEMAND,
                        date("2011"), "compensation for the cancelled S-300 contract", null, null, null, null,
                        recorded(fixture), claim));
    }

    @Test
    void aClaimIsNeverInTiv() {
        fixture.givenNoPriorActivity()
                .when(new RecordStatement("irn-s300-claim", "IRN", List.of("RUS"), StatementKind.DEMAND,
                        date("2011"), "compensation", null, null, null, null, LA_TIMES_2001, B2, ANALYST,
                        new ClaimedAmount(new BigDecimal("400"), "TIV", ClaimedAmount.Nature.CLAIMED)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("claim.currency:"))
                .expectNoEvents();
    }
}
