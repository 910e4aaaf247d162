package org.dyad.ledger.agreement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.agreement.command.DiscloseAgreement;
import org.dyad.contracts.agreement.command.EnterIntoForce;
import org.dyad.contracts.agreement.command.ExtendAgreement;
import org.dyad.contracts.agreement.command.NotifyWithdrawal;
import org.dyad.contracts.agreement.command.RecordConsentToBeBound;
import org.dyad.contracts.agreement.command.RecordExpiry;
import org.dyad.contracts.agreement.command.RecordMilestone;
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
import org.dyad.contracts.agreement.event.MilestoneRecorded;
import org.dyad.contracts.agreement.event.ParticipationResumed;
import org.dyad.contracts.agreement.event.ParticipationSuspended;
import org.dyad.contracts.agreement.event.SignatureRecorded;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.ledger.Actors;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.IllegalTransitionException.check;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.Recording.requireDate;
import static org.dyad.ledger.Recording.requireNotBefore;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * An agreement between two or more parties. Each party has its own status (signed → consented → in force →
 * suspended → withdrawal notified → withdrawn; or renounced); the agreement as a whole enters into force, may be
 * extended, expires or is terminated. A secret agreement may later be disclosed.
 */
@Aggregate(commandTargetResolver = DyadCommandTargetResolver.BEAN)
public class Agreement {

    @AggregateIdentifier
    private String agreementId;
    private final Map<String, PartyStatus> parties = new LinkedHashMap<>();
    private AgreementStatus status;
    private PartialDate signedOn;
    private PartialDate expiresOn;
    private boolean secret;
    private boolean retracted;

    protected Agreement() {
        // for event sourcing
    }

    @CommandHandler
    public Agreement(SignAgreement command) {
        require(command.signedOn() != null, "signedOn", "the date of signature is required");
        require(command.parties() != null && command.parties().size() >= 2, "parties",
                "an agreement needs two or more parties");
        require(new HashSet<>(command.parties()).size() == command.parties().size(), "parties",
                "a party is listed more than once");
        Actors.requireKnown("parties", command.parties(), command.signedOn());
        List<String> concerning = command.concerning() == null ? List.of() : command.concerning();
        Actors.requireKnown("concerning", concerning, null);
        require(concerning.stream().noneMatch(command.parties()::contains), "concerning",
                "an actor the agreement concerns cannot also be a party to it");
        require(command.expiresOn() == null || command.expiresOn().earliest().isAfter(command.signedOn().latest()),
                "expiresOn", "an agreement expires after it is signed");
        require(command.lineage() == null || !command.agreementId().equals(command.lineage().agreementId()),
                "lineage.agreementId", "an agreement cannot extend, amend or supersede itself");
        apply(new AgreementSigned(command.agreementId(), command.title(), command.kind(),
                command.subjects() == null ? List.of() : command.subjects(), command.parties(), concerning,
                command.signedOn(), command.place(), command.binding(), command.secret(), command.lineage(),
                command.expiresOn(), provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordSignature command) {
        requireOngoing(command.on());
        Actors.requireKnown("party", command.party(), command.on());
        check(!parties.containsKey(command.party()), command.party() + " is already a party (" + parties
                .get(command.party()) + ")");
        apply(new SignatureRecorded(agreementId, command.on(), command.party(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordConsentToBeBound command) {
        requireOngoing(command.on());
        require(command.means() != null, "means", "say how the party consented (ratification, accession ...)");
        Actors.requireKnown("party", command.party(), command.on());
        PartyStatus current = parties.get(command.party());
        boolean joinsWithoutSignature = command.means() == ConsentMeans.ACCESSION
                || command.means() == ConsentMeans.SUCCESSION;
        if (current == null) {
            check(joinsWithoutSignature, command.party() + " has not signed; only accession or succession lets a"
                    + " non-signatory consent");
        } else {
            check(current == PartyStatus.SIGNED, command.party() + " cannot consent: it is " + current);
        }
        apply(new ConsentToBeBoundRecorded(agreementId, command.on(), command.party(), command.means(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(EnterIntoForce command) {
        requireOngoing(command.on());
        List<String> entering = command.parties() == null || command.parties().isEmpty()
                ? parties.entrySet().stream().filter(e -> e.getValue() == PartyStatus.SIGNED
                        || e.getValue() == PartyStatus.CONSENTED).map(Map.Entry::getKey).toList()
                : command.parties();
        for (int i = 0; i < entering.size(); i++) {
            String party = entering.get(i);
            requireParty("parties[" + i + "]", party);
            check(parties.get(party) == PartyStatus.SIGNED || parties.get(party) == PartyStatus.CONSENTED,
                    party + " cannot enter into force: it is " + parties.get(party));
        }
        check(!entering.isEmpty(), "no party is waiting to enter into force");
        apply(new AgreementEnteredIntoForce(agreementId, command.on(), entering,
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(SuspendParticipation command) {
        requireOngoing(command.on());
        requireParty("party", command.party());
        check(parties.get(command.party()) == PartyStatus.IN_FORCE,
                command.party() + " can only suspend a participation in force; it is " + parties.get(command.party()));
        apply(new ParticipationSuspended(agreementId, command.on(), command.party(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(ResumeParticipation command) {
        requireOngoing(command.on());
        requireParty("party", command.party());
        check(parties.get(command.party()) == PartyStatus.SUSPENDED,
                command.party() + " is not suspended; it is " + parties.get(command.party()));
        apply(new ParticipationResumed(agreementId, command.on(), command.party(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(NotifyWithdrawal command) {
        requireOngoing(command.noticeOn());
        requireParty("party", command.party());
        require(command.effectiveOn() != null, "effectiveOn", "the date the withdrawal takes effect is required");
        require(!command.effectiveOn().latest().isBefore(command.noticeOn().earliest()), "effectiveOn",
                "a withdrawal cannot take effect before its notice");
        PartyStatus current = parties.get(command.party());
        check(current == PartyStatus.CONSENTED || current == PartyStatus.IN_FORCE || current == PartyStatus.SUSPENDED,
                command.party() + " cannot withdraw: it is " + current);
        apply(new WithdrawalNotified(agreementId, command.party(), command.noticeOn(), command.effectiveOn(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RenounceAgreement command) {
        requireOngoing(command.on());
        requireParty("party", command.party());
        check(parties.get(command.party()).isActive(), command.party() + " cannot renounce: it is "
                + parties.get(command.party()));
        apply(new AgreementRenounced(agreementId, command.on(), command.party(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordMilestone command) {
        check(!retracted, "the report that created this agreement was retracted");
        require(command.kind() != null, "kind", "say which milestone (ADOPTION, PROVISIONAL_APPLICATION ...)");
        requireDate("on", command.on());
        if (command.party() != null) {
            requireParty("party", command.party());
        }
        require(command.kind() == MilestoneKind.ADOPTION || !command.on().latest().isBefore(signedOn.earliest()),
                "on", command.on() + " is before the signature (" + signedOn + "); only the adoption of the text "
                        + "comes before it");
        require(command.kind() != MilestoneKind.ADOPTION || command.party() == null, "party",
                "the text is adopted for all: an adoption names no party");
        require(command.kind() != MilestoneKind.PARTIAL_EFFECT
                        || command.provisions() != null && !command.provisions().isBlank(), "provisions",
                "name the provisions that take effect (e.g. Articles 6 and 7)");
        apply(new MilestoneRecorded(agreementId, command.kind(), command.on(), command.party(), command.provisions(),
                command.note(), provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(ExtendAgreement command) {
        requireOngoing(command.on());
        require(command.expiresOn() != null, "expiresOn", "the new expiry date is required");
        require(expiresOn == null || command.expiresOn().earliest().isAfter(expiresOn.latest()), "expiresOn",
                "an extension must move the expiry (" + expiresOn + ") later");
        apply(new AgreementExtended(agreementId, command.on(), command.expiresOn(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordExpiry command) {
        requireOngoing(command.on());
        apply(new AgreementExpired(agreementId, command.on(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(TerminateAgreement command) {
        requireOngoing(command.on());
        apply(new AgreementTerminated(agreementId, command.on(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(DiscloseAgreement command) {
        check(!retracted, "the report that created this agreement was retracted");
        requireNotBefore("on", command.on(), signedOn, "the signature");
        check(secret, "the agreement is not secret (or already disclosed)");
        apply(new AgreementDisclosed(agreementId, command.on(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    private void requireOngoing(PartialDate on) {
        check(!retracted, "the report that created this agreement was retracted");
        requireNotBefore("on", on, signedOn, "the signature");
        check(status != AgreementStatus.EXPIRED && status != AgreementStatus.TERMINATED,
                "the agreement has " + (status == AgreementStatus.EXPIRED ? "expired" : "been terminated"));
    }

    private void requireParty(String field, String party) {
        require(party != null && parties.containsKey(party), field,
                (party == null ? "a party" : party) + " is not a party to this agreement " + parties.keySet());
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        agreementId = event.agreementId();
        status = AgreementStatus.SIGNED;
        signedOn = event.signedOn();
        expiresOn = event.expiresOn();
        secret = event.secret();
        event.parties().forEach(p -> parties.put(p, PartyStatus.SIGNED));
    }

    @EventSourcingHandler
    void on(SignatureRecorded event) {
        parties.put(event.party(), PartyStatus.SIGNED);
    }

    @EventSourcingHandler
    void on(ConsentToBeBoundRecorded event) {
        parties.put(event.party(), PartyStatus.CONSENTED);
    }

    @EventSourcingHandler
    void on(AgreementEnteredIntoForce event) {
        status = AgreementStatus.IN_FORCE;
        event.parties().forEach(p -> parties.put(p, PartyStatus.IN_FORCE));
    }

    @EventSourcingHandler
    void on(ParticipationSuspended event) {
        parties.put(event.party(), PartyStatus.SUSPENDED);
    }

    @EventSourcingHandler
    void on(ParticipationResumed event) {
        parties.put(event.party(), PartyStatus.IN_FORCE);
    }

    @EventSourcingHandler
    void on(WithdrawalNotified event) {
        parties.put(event.party(), PartyStatus.WITHDRAWAL_NOTIFIED);
    }

    @EventSourcingHandler
    void on(AgreementRenounced event) {
        parties.put(event.party(), PartyStatus.RENOUNCED);
    }

    @EventSourcingHandler
    void on(AgreementExtended event) {
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(AgreementExpired event) {
        status = AgreementStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        status = AgreementStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(AgreementDisclosed event) {
        secret = false;
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        if (AgreementSigned.class.getSimpleName().equals(event.retractedEventType())) {
            retracted = true;
        }
    }

    Map<String, PartyStatus> parties() {
        return parties;
    }

    AgreementStatus status() {
        return status;
    }
}
