package org.dyad.ledger.agreement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.agreement.command.RecordMilestone;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.MilestoneRecorded;
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
 * Milestones of the Arms Trade Treaty: adopted by the UN General Assembly on 2013-04-02, opened for signature on
 * 2013-06-03. The provisional application below (by GBR of Articles 6 and 7 from its signature) is a test fact.
 */
class MilestonesTest {

    private static final String ATT = "arms-trade-treaty";
    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private AgreementSigned signed() {
        return new AgreementSigned(ATT, "Arms Trade Treaty", AgreementKind.TREATY,
                List.of(AgreementSubject.ARMS_CONTROL), List.of("GBR", "FRA"), null, date("2013-06-03"), "New York",
                true, false, null, null, recorded(fixture));
    }

    private static RecordMilestone milestone(MilestoneKind kind, String on, String party, String provisions) {
        return new RecordMilestone(ATT, kind, date(on), party, provisions, null, LA_TIMES_2001, B2, ANALYST, null);
    }

    @Test
    void theAdoptionOfTheTextPrecedesTheSignature() {
        fixture.given(signed())
                .when(milestone(MilestoneKind.ADOPTION, "2013-04-02", null, null))
                .expectEvents(new MilestoneRecorded(ATT, MilestoneKind.ADOPTION, date("2013-04-02"), null, null,
                        null, recorded(fixture)));
    }

    @Test
    void aPartyAppliesSomeProvisionsProvisionally() {
        fixture.given(signed())
                .when(milestone(MilestoneKind.PROVISIONAL_APPLICATION, "2013-06-03", "GBR", "Articles 6 and 7"))
                .expectEvents(new MilestoneRecorded(ATT, MilestoneKind.PROVISIONAL_APPLICATION, date("2013-06-03"),
                        "GBR", "Articles 6 and 7", null, recorded(fixture)));
    }

    @Test
    void onlyTheAdoptionPrecedesTheSignature() {
        fixture.given(signed())
                .when(milestone(MilestoneKind.PROVISIONAL_APPLICATION, "2013-05", "GBR", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("on: 2013-05 is before the signature (2013-06-03)"))
                .expectNoEvents();
    }

    @Test
    void aMilestoneOfAPartyNamesAParty() {
        fixture.given(signed())
                .when(milestone(MilestoneKind.PROVISIONAL_APPLICATION, "2013-06-03", "USA", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("party: USA is not a party to this agreement"))
                .expectNoEvents();
    }

    @Test
    void provisionsTakingEffectAreNamed() {
        fixture.given(signed())
                .when(milestone(MilestoneKind.PARTIAL_EFFECT, "2014-12-24", null, " "))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("provisions:"))
                .expectNoEvents();
    }

    @Test
    void anAdoptionIsForAll() {
        fixture.given(signed())
                .when(milestone(MilestoneKind.ADOPTION, "2013-04-02", "GBR", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("party:"))
                .expectNoEvents();
    }
}
