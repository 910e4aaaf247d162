package org.dyad.ledger.agreement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.agreement.command.EnterIntoForce;
import org.dyad.contracts.agreement.command.NotifyWithdrawal;
import org.dyad.contracts.agreement.command.RecordConsentToBeBound;
import org.dyad.contracts.agreement.command.SuspendParticipation;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.Provenance;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;

/**
 * State succession in an agreement's parties: the Soviet Union (SUN) ceased to exist on 1991-12-26, Russia (RUS)
 * continues it, Ukraine (UKR), Belarus (BLR) and Kazakhstan (KAZ) separated from it.
 */
class AgreementSuccessionTest {

    private static final String ABM = "abm-1972";
    private static final String START = "start-1991";

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private Provenance provenance() {
        return recorded(fixture);
    }

    private AgreementSigned signed(String id, String on) {
        return new AgreementSigned(id, id, AgreementKind.TREATY, List.of(AgreementSubject.ARMS_CONTROL),
                List.of("USA", "SUN"), List.of(), date(on), null, true, false, null, null, provenance());
    }

    /** The ABM Treaty: signed 1972-05-26, in force 1972-10-03. */
    private List<Object> abmInForce() {
        return List.of(signed(ABM, "1972-05-26"),
                new AgreementEnteredIntoForce(ABM, date("1972-10-03"), List.of("USA", "SUN"), provenance()));
    }

    @Test
    void theUsWithdrawsFromTheAbmTreatyAfterRussiaContinuedTheSovietUnion() {
        fixture.given(abmInForce())
                .when(new NotifyWithdrawal(ABM, "USA", date("2001-12-13"), date("2002-06-13"), LA_TIMES_2001, B2,
                        ANALYST, null))
                .expectEvents(new WithdrawalNotified(ABM, "USA", date("2001-12-13"), date("2002-06-13"),
                        provenance()));
    }

    @Test
    void theContinuatorActsWithoutASecondEntryIntoForceOrConsent() {
        fixture.given(abmInForce())
                .when(new SuspendParticipation(ABM, date("1995-01-01"), "RUS", "hypothetical, for the rule",
                        LA_TIMES_2001, B2, ANALYST, null))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.parties()).containsEntry("RUS", PartyStatus.SUSPENDED));
    }

    @Test
    void aDissolvedStateCannotActAfterItsEnd() {
        fixture.given(abmInForce())
                .when(new NotifyWithdrawal(ABM, "SUN", date("1995-01-01"), date("1995-07-01"), LA_TIMES_2001, B2,
                        ANALYST, null))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("SUN cannot withdraw: it is ENDED (it ceased to exist on 1991-12-26;"
                        + " continued by RUS)")
                .expectNoEvents();
    }

    @Test
    void theContinuatorNeedsNoNoticeOfSuccession() {
        fixture.given(abmInForce())
                .when(new RecordConsentToBeBound(ABM, date("1992-01"), "RUS", ConsentMeans.SUCCESSION,
                        LA_TIMES_2001, B2, ANALYST, null))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("RUS is already IN_FORCE by succession from SUN, without a notice")
                .expectNoEvents();
    }

    @Test
    void aSeparatedStateThatNotifiesSuccessionIsInForceFromItsNotice() {
        fixture.given(abmInForce())
                .when(new RecordConsentToBeBound(ABM, date("1992-03-01"), "UKR", ConsentMeans.SUCCESSION,
                        LA_TIMES_2001, B2, ANALYST, null))
                .expectEvents(new ConsentToBeBoundRecorded(ABM, date("1992-03-01"), "UKR", ConsentMeans.SUCCESSION,
                        provenance()))
                .expectState(a -> assertThat(a.parties()).containsEntry("UKR", PartyStatus.IN_FORCE));
    }

    @Test
    void onlyASuccessorOfAPartyMayConsentBySuccession() {
        fixture.given(abmInForce())
                .when(new RecordConsentToBeBound(ABM, date("1993-01-01"), "CZE", ConsentMeans.SUCCESSION,
                        LA_TIMES_2001, B2, ANALYST, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party: CZE succeeded none of the parties [USA, SUN], so it cannot consent"
                        + " by succession")
                .expectNoEvents();
    }

    @Test
    void aNoticeOfSuccessionCannotPrecedeTheSuccession() {
        fixture.given(abmInForce())
                .when(new RecordConsentToBeBound(ABM, date("1991-08-01"), "UKR", ConsentMeans.SUCCESSION,
                        LA_TIMES_2001, B2, ANALYST, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    /**
     * START I: signed by the USA and the Soviet Union on 1991-07-31; by the Lisbon Protocol of 1992-05-23 Belarus,
     * Kazakhstan and Ukraine took the Soviet Union's place beside Russia; in force 1994-12-05 for all five.
     */
    @Test
    void startEntersIntoForceForTheUsRussiaAndTheLisbonSuccessors() {
        Provenance p = provenance();
        fixture.given(signed(START, "1991-07-31"),
                        new ConsentToBeBoundRecorded(START, date("1992-05-23"), "BLR", ConsentMeans.SUCCESSION, p),
                        new ConsentToBeBoundRecorded(START, date("1992-05-23"), "KAZ", ConsentMeans.SUCCESSION, p),
                        new ConsentToBeBoundRecorded(START, date("1992-05-23"), "UKR", ConsentMeans.SUCCESSION, p))
                .when(new EnterIntoForce(START, date("1994-12-05"), null, LA_TIMES_2001, B2, ANALYST, null))
                .expectEvents(new AgreementEnteredIntoForce(START, date("1994-12-05"),
                        List.of("USA", "BLR", "KAZ", "UKR", "RUS"), p))
                .expectState(a -> assertThat(a.parties()).containsEntry("RUS", PartyStatus.IN_FORCE)
                        .containsEntry("UKR", PartyStatus.IN_FORCE).containsEntry("SUN", PartyStatus.SIGNED));
    }
}
