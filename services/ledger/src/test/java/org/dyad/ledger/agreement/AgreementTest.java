package org.dyad.ledger.agreement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.agreement.LineageRelation;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.agreement.command.DiscloseAgreement;
import org.dyad.contracts.agreement.command.EnterIntoForce;
import org.dyad.contracts.agreement.command.ExtendAgreement;
import org.dyad.contracts.agreement.command.NotifyWithdrawal;
import org.dyad.contracts.agreement.command.RecordConsentToBeBound;
import org.dyad.contracts.agreement.command.RecordExpiry;
import org.dyad.contracts.agreement.command.RecordSignature;
import org.dyad.contracts.agreement.command.RenounceAgreement;
import org.dyad.contracts.agreement.command.ResumeParticipation;
import org.dyad.contracts.agreement.command.SignAgreement;
import org.dyad.contracts.agreement.command.SuspendParticipation;
import org.dyad.contracts.agreement.command.TerminateAgreement;
import org.dyad.contracts.agreement.event.AgreementDisclosed;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementExpired;
import org.dyad.contracts.agreement.event.AgreementExtended;
import org.dyad.contracts.agreement.event.AgreementRenounced;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.AgreementTerminated;
import org.dyad.contracts.agreement.event.ConsentToBeBoundRecorded;
import org.dyad.contracts.agreement.event.ParticipationResumed;
import org.dyad.contracts.agreement.event.ParticipationSuspended;
import org.dyad.contracts.agreement.event.SignatureRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;

class AgreementTest {

    private static final String PACT = "rus-usa-1995";
    private static final PartialDate Y1995 = date("1995");
    private static final List<AgreementSubject> ARMS = List.of(AgreementSubject.ARMS_CONTROL);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private Provenance provenance() {
        return recorded(fixture);
    }

    private SignAgreement sign(List<String> parties, List<String> concerning, boolean secret) {
        return new SignAgreement(PACT, "Secret pact", AgreementKind.AGREEMENT, ARMS, parties, concerning, Y1995,
                null, true, secret, null, null, LA_TIMES_2001, B2, ANALYST);
    }

    private AgreementSigned signed(boolean secret, PartialDate expiresOn) {
        return new AgreementSigned(PACT, "Secret pact", AgreementKind.AGREEMENT, ARMS, List.of("RUS", "USA"),
                List.of("IRN"), Y1995, null, true, secret, null, expiresOn, provenance());
    }

    private AgreementEnteredIntoForce inForce() {
        return new AgreementEnteredIntoForce(PACT, Y1995, List.of("RUS", "USA"), provenance());
    }

    @Nested
    class Signing {

        @Test
        void aSecretPactConcerningAThirdStateIsSigned() {
            fixture.givenNoPriorActivity()
                    .when(sign(List.of("RUS", "USA"), List.of("IRN"), true))
                    .expectEvents(signed(true, null))
                    .expectState(a -> assertThat(a.parties()).containsEntry("RUS", PartyStatus.SIGNED)
                            .containsEntry("USA", PartyStatus.SIGNED));
        }

        @Test
        void aMultilateralAgreementKeepsAllItsParties() {
            fixture.givenNoPriorActivity()
                    .when(sign(List.of("RUS", "IRN", "CHN"), List.of(), false))
                    .expectSuccessfulHandlerExecution()
                    .expectState(a -> assertThat(a.parties()).containsOnlyKeys("RUS", "IRN", "CHN"));
        }

        @Test
        void anAgreementNeedsTwoParties() {
            fixture.givenNoPriorActivity()
                    .when(sign(List.of("RUS"), List.of(), false))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("parties: an agreement needs two or more parties")
                    .expectNoEvents();
        }

        @Test
        void aPartyListedTwiceIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(sign(List.of("RUS", "IRN", "RUS"), List.of(), false))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("parties: a party is listed more than once")
                    .expectNoEvents();
        }

        @Test
        void aConcernedActorCannotAlsoBeAParty() {
            fixture.givenNoPriorActivity()
                    .when(sign(List.of("RUS", "USA"), List.of("USA"), false))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAgreementCannotAmendItself() {
            fixture.givenNoPriorActivity()
                    .when(new SignAgreement(PACT, "Pact", AgreementKind.AGREEMENT, ARMS, List.of("RUS", "USA"),
                            List.of(), Y1995, null, null, false, new Lineage(LineageRelation.AMENDS, PACT), null,
                            LA_TIMES_2001, B2, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAgreementCannotExpireBeforeItIsSigned() {
            fixture.givenNoPriorActivity()
                    .when(new SignAgreement(PACT, "Pact", AgreementKind.AGREEMENT, ARMS, List.of("RUS", "USA"),
                            List.of(), Y1995, null, null, false, null, date("1990"), LA_TIMES_2001, B2, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("expiresOn: an agreement expires after it is signed")
                    .expectNoEvents();
        }

        @Test
        void anAgreementNeedsASource() {
            fixture.givenNoPriorActivity()
                    .when(new SignAgreement(PACT, "Pact", AgreementKind.AGREEMENT, ARMS, List.of("RUS", "USA"),
                            List.of(), Y1995, null, null, false, null, null, null, null, ANALYST))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("source: every recorded fact needs a source")
                    .expectNoEvents();
        }
    }

    @Nested
    class PartyLifecycle {

        @Test
        void aFurtherPartySigns() {
            fixture.given(signed(false, null))
                    .when(new RecordSignature(PACT, date("1996"), "GBR", LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new SignatureRecorded(PACT, date("1996"), "GBR", provenance()));
        }

        @Test
        void aPartyCannotSignTwice() {
            fixture.given(signed(false, null))
                    .when(new RecordSignature(PACT, date("1996"), "RUS", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aSignatoryRatifies() {
            fixture.given(signed(false, null))
                    .when(new RecordConsentToBeBound(PACT, date("1996"), "RUS", ConsentMeans.RATIFICATION,
                            LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new ConsentToBeBoundRecorded(PACT, date("1996"), "RUS", ConsentMeans.RATIFICATION,
                            provenance()))
                    .expectState(a -> assertThat(a.parties()).containsEntry("RUS", PartyStatus.CONSENTED));
        }

        @Test
        void aNonSignatoryAccedes() {
            fixture.given(signed(false, null))
                    .when(new RecordConsentToBeBound(PACT, date("1998"), "CHN", ConsentMeans.ACCESSION,
                            LA_TIMES_2001, B2, ANALYST, null))
                    .expectSuccessfulHandlerExecution()
                    .expectState(a -> assertThat(a.parties()).containsEntry("CHN", PartyStatus.CONSENTED));
        }

        @Test
        void aNonSignatoryCannotRatify() {
            fixture.given(signed(false, null))
                    .when(new RecordConsentToBeBound(PACT, date("1998"), "CHN", ConsentMeans.RATIFICATION,
                            LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutNamedPartiesEveryWaitingPartyEntersIntoForce() {
            fixture.given(signed(false, null))
                    .when(new EnterIntoForce(PACT, Y1995, null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(inForce())
                    .expectState(a -> {
                        assertThat(a.status()).isEqualTo(AgreementStatus.IN_FORCE);
                        assertThat(a.parties()).containsEntry("USA", PartyStatus.IN_FORCE);
                    });
        }

        @Test
        void anAgreementInForceCannotEnterIntoForceAgain() {
            fixture.given(signed(false, null), inForce())
                    .when(new EnterIntoForce(PACT, date("1996"), null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aStrangerCannotEnterIntoForce() {
            fixture.given(signed(false, null))
                    .when(new EnterIntoForce(PACT, Y1995, List.of("FRA"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("parties[0]: FRA is not a party"))
                    .expectNoEvents();
        }

        @Test
        void aPartySuspendsAndResumesItsParticipation() {
            fixture.given(signed(false, null), inForce())
                    .when(new SuspendParticipation(PACT, date("1999"), "RUS", "dispute", LA_TIMES_2001, B2, ANALYST,
                            null))
                    .expectEvents(new ParticipationSuspended(PACT, date("1999"), "RUS", "dispute", provenance()));
            fixture.given(signed(false, null), inForce(),
                            new ParticipationSuspended(PACT, date("1999"), "RUS", "dispute", provenance()))
                    .when(new ResumeParticipation(PACT, date("2000"), "RUS", LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new ParticipationResumed(PACT, date("2000"), "RUS", provenance()))
                    .expectState(a -> assertThat(a.parties()).containsEntry("RUS", PartyStatus.IN_FORCE));
        }

        @Test
        void onlyAPartyInForceSuspends() {
            fixture.given(signed(false, null))
                    .when(new SuspendParticipation(PACT, date("1999"), "RUS", null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyASuspendedPartyResumes() {
            fixture.given(signed(false, null), inForce())
                    .when(new ResumeParticipation(PACT, date("2000"), "RUS", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aPartyNotifiesItsWithdrawalWithAnEffectiveDate() {
            fixture.given(signed(false, null), inForce())
                    .when(new NotifyWithdrawal(PACT, "USA", date("2001-12-13"), date("2002-06-13"), LA_TIMES_2001,
                            B2, ANALYST, null))
                    .expectEvents(new WithdrawalNotified(PACT, "USA", date("2001-12-13"), date("2002-06-13"),
                            provenance()))
                    .expectState(a -> assertThat(a.parties()).containsEntry("USA", PartyStatus.WITHDRAWAL_NOTIFIED));
        }

        @Test
        void aWithdrawalCannotTakeEffectBeforeItsNotice() {
            fixture.given(signed(false, null), inForce())
                    .when(new NotifyWithdrawal(PACT, "USA", date("2001-12-13"), date("2001-06-13"), LA_TIMES_2001,
                            B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aPartyThatOnlySignedCannotWithdraw() {
            fixture.given(signed(false, null))
                    .when(new NotifyWithdrawal(PACT, "USA", date("2001-12-13"), date("2002-06-13"), LA_TIMES_2001,
                            B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void russiaRenouncesThePact() {
            fixture.given(signed(true, null), inForce())
                    .when(new RenounceAgreement(PACT, date("~2000-11"), "RUS", "made public", LA_TIMES_2001, B2,
                            ANALYST, null))
                    .expectEvents(new AgreementRenounced(PACT, date("~2000-11"), "RUS", "made public",
                            provenance()))
                    .expectState(a -> assertThat(a.parties()).containsEntry("RUS", PartyStatus.RENOUNCED));
        }

        @Test
        void aRenouncedPartyCannotRenounceAgain() {
            fixture.given(signed(true, null), inForce(),
                            new AgreementRenounced(PACT, date("2000"), "RUS", null, provenance()))
                    .when(new RenounceAgreement(PACT, date("2001"), "RUS", null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }

        @Test
        void aStrangerCannotRenounce() {
            fixture.given(signed(true, null))
                    .when(new RenounceAgreement(PACT, date("2001"), "FRA", null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aFactCannotPredateTheSignature() {
            fixture.given(signed(false, null))
                    .when(new EnterIntoForce(PACT, date("1990"), null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("on: 1990 is before the signature (1995)")
                    .expectNoEvents();
        }
    }

    @Nested
    class AgreementWide {

        @Test
        void anAgreementIsExtendedToALaterExpiry() {
            fixture.given(signed(false, date("2000")), inForce())
                    .when(new ExtendAgreement(PACT, date("1999"), date("2005"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new AgreementExtended(PACT, date("1999"), date("2005"), provenance()));
        }

        @Test
        void anExtensionMustMoveTheExpiryLater() {
            fixture.given(signed(false, date("2000")), inForce())
                    .when(new ExtendAgreement(PACT, date("1999"), date("1998"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAgreementExpires() {
            fixture.given(signed(false, date("2000")), inForce())
                    .when(new RecordExpiry(PACT, date("2000"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new AgreementExpired(PACT, date("2000"), provenance()))
                    .expectState(a -> assertThat(a.status()).isEqualTo(AgreementStatus.EXPIRED));
        }

        @Test
        void anAgreementIsTerminated() {
            fixture.given(signed(false, null), inForce())
                    .when(new TerminateAgreement(PACT, date("2002"), "replaced", LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new AgreementTerminated(PACT, date("2002"), "replaced", provenance()))
                    .expectState(a -> assertThat(a.status()).isEqualTo(AgreementStatus.TERMINATED));
        }

        @Test
        void nothingHappensToAnEndedAgreement() {
            fixture.given(signed(false, null), inForce(),
                            new AgreementTerminated(PACT, date("2002"), null, provenance()))
                    .when(new RecordSignature(PACT, date("2003"), "GBR", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("the agreement has been terminated")
                    .expectNoEvents();
            fixture.given(signed(false, null), inForce(), new AgreementExpired(PACT, date("2002"), provenance()))
                    .when(new TerminateAgreement(PACT, date("2003"), null, LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage("the agreement has expired")
                    .expectNoEvents();
        }

        @Test
        void aSecretPactIsDisclosed() {
            fixture.given(signed(true, null), inForce())
                    .when(new DiscloseAgreement(PACT, date("~2000-10"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectEvents(new AgreementDisclosed(PACT, date("~2000-10"), provenance()));
        }

        @Test
        void aPublicAgreementCannotBeDisclosed() {
            fixture.given(signed(false, null))
                    .when(new DiscloseAgreement(PACT, date("2000"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
            fixture.given(signed(true, null), new AgreementDisclosed(PACT, date("2000"), provenance()))
                    .when(new DiscloseAgreement(PACT, date("2001"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    /** A new fact takes its place in valid time; the agreement's lifecycle must be possible in that order. */
    @Nested
    class ValidTimeOrder {

        private AgreementEnteredIntoForce inForceOn(String date) {
            return new AgreementEnteredIntoForce(PACT, date(date), List.of("RUS", "USA"), provenance());
        }

        @Test
        void anEntryIntoForceBeforeThePartySignedIsRefusedNamingTheSignature() {
            fixture.given(signed(false, null), new SignatureRecorded(PACT, date("1997-05-01"), "CHN", provenance()))
                    .when(new EnterIntoForce(PACT, date("1996"), List.of("CHN"), LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("on: CHN signed on 1997-05-01; an entry into force for CHN on 1996 would"
                            + " come before it")
                    .expectNoEvents();
        }

        @Test
        void aWithdrawalNoticeBeforeTheEntryIntoForceIsRefused() {
            fixture.given(signed(false, null), inForceOn("1998-03-01"))
                    .when(new NotifyWithdrawal(PACT, "USA", date("1997-06-01"), date("1997-12-01"), LA_TIMES_2001, B2,
                            ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("noticeOn: the agreement entered into force for RUS, USA on 1998-03-01;"
                            + " a notice of withdrawal by USA on 1997-06-01 would come before it")
                    .expectNoEvents();
        }

        @Test
        void aWithdrawalNoticeDatedOnlyByTheYearOfTheEntryIntoForceIsAccepted() {
            fixture.given(signed(false, null), inForceOn("1998-03-01"))
                    .when(new NotifyWithdrawal(PACT, "USA", date("1998"), date("1999"), LA_TIMES_2001, B2, ANALYST,
                            null))
                    .expectSuccessfulHandlerExecution()
                    .expectState(a -> assertThat(a.parties()).containsEntry("USA", PartyStatus.WITHDRAWAL_NOTIFIED));
        }

        @Test
        void aTerminationBeforeALaterEntryIntoForceIsRefused() {
            fixture.given(signed(false, null), inForceOn("1998-03-01"))
                    .when(new TerminateAgreement(PACT, date("1996"), "ended", LA_TIMES_2001, B2, ANALYST, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("on: the agreement entered into force for RUS, USA on 1998-03-01;"
                            + " a termination on 1996 would come before it")
                    .expectNoEvents();
        }
    }
}
