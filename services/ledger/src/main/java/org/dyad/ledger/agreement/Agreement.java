package org.dyad.ledger.agreement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.actors.Succession;
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
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.ledger.Actors;
import org.dyad.ledger.DatedLifecycle;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.Lifecycle;

import java.time.LocalDate;
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
public class Agreement implements DatedLifecycle {

    @AggregateIdentifier
    private String agreementId;
    private final Map<String, PartyStatus> parties = new LinkedHashMap<>();
    private AgreementStatus status;
    private PartialDate signedOn;
    private PartialDate expiresOn;
    private boolean secret;
    private boolean retracted;
    private Lifecycle<LifecycleState> lifecycle;

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
        Map<String, PartyStatus> standing = partiesOn(command.on());
        check(!standing.containsKey(command.party()), command.party() + " is already a party (" + standing
                .get(command.party()) + (parties.containsKey(command.party()) ? "" : ", by succession") + ")");
        inOrder("on", new SignatureRecorded(agreementId, command.on(), command.party(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordConsentToBeBound command) {
        requireOngoing(command.on());
        require(command.means() != null, "means", "say how the party consented (ratification, accession ...)");
        Actors.requireKnown("party", command.party(), command.on());
        PartyStatus current = partiesOn(command.on()).get(command.party());
        if (command.means() == ConsentMeans.SUCCESSION) {
            Succession succession = predecessorAmong(parties, command.party());
            require(succession != null, "party", command.party() + " succeeded none of the parties "
                    + parties.keySet() + ", so it cannot consent by succession");
            require(!command.on().latest().isBefore(succession.on()), "on", "a notice of succession takes effect"
                    + " on or after the succession (" + succession.predecessor() + " → " + succession.successor()
                    + " on " + succession.on() + ")");
            check(current == null, command.party() + " is already " + current + (parties.containsKey(
                    command.party()) ? "" : " by succession from " + succession.predecessor()
                    + ", without a notice"));
        }
        boolean joinsWithoutSignature = command.means() == ConsentMeans.ACCESSION
                || command.means() == ConsentMeans.SUCCESSION;
        if (current == null) {
            check(joinsWithoutSignature, command.party() + " has not signed; only accession or succession lets a"
                    + " non-signatory consent");
        } else {
            check(current == PartyStatus.SIGNED, command.party() + " cannot consent: it is " + current);
        }
        inOrder("on", new ConsentToBeBoundRecorded(agreementId, command.on(), command.party(), command.means(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(EnterIntoForce command) {
        requireOngoing(command.on());
        Map<String, PartyStatus> standing = partiesOn(command.on());
        List<String> entering = command.parties() == null || command.parties().isEmpty()
                ? standing.entrySet().stream().filter(e -> e.getValue() == PartyStatus.SIGNED
                        || e.getValue() == PartyStatus.CONSENTED).map(Map.Entry::getKey).toList()
                : command.parties();
        for (int i = 0; i < entering.size(); i++) {
            String party = entering.get(i);
            requireParty("parties[" + i + "]", party, standing);
            check(standing.get(party) == PartyStatus.SIGNED || standing.get(party) == PartyStatus.CONSENTED,
                    party + " cannot enter into force: it is " + standing.get(party) + endedNote(party));
        }
        check(!entering.isEmpty(), "no party is waiting to enter into force");
        inOrder("on", new AgreementEnteredIntoForce(agreementId, command.on(), entering,
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(SuspendParticipation command) {
        requireOngoing(command.on());
        Map<String, PartyStatus> standing = partiesOn(command.on());
        requireParty("party", command.party(), standing);
        check(standing.get(command.party()) == PartyStatus.IN_FORCE, command.party()
                + " can only suspend a participation in force; it is " + standing.get(command.party())
                + endedNote(command.party()));
        inOrder("on", new ParticipationSuspended(agreementId, command.on(), command.party(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(ResumeParticipation command) {
        requireOngoing(command.on());
        Map<String, PartyStatus> standing = partiesOn(command.on());
        requireParty("party", command.party(), standing);
        check(standing.get(command.party()) == PartyStatus.SUSPENDED,
                command.party() + " is not suspended; it is " + standing.get(command.party())
                        + endedNote(command.party()));
        inOrder("on", new ParticipationResumed(agreementId, command.on(), command.party(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(NotifyWithdrawal command) {
        requireOngoing(command.noticeOn());
        Map<String, PartyStatus> standing = partiesOn(command.noticeOn());
        requireParty("party", command.party(), standing);
        require(command.effectiveOn() != null, "effectiveOn", "the date the withdrawal takes effect is required");
        require(!command.effectiveOn().latest().isBefore(command.noticeOn().earliest()), "effectiveOn",
                "a withdrawal cannot take effect before its notice");
        PartyStatus current = standing.get(command.party());
        check(current == PartyStatus.CONSENTED || current == PartyStatus.IN_FORCE || current == PartyStatus.SUSPENDED,
                command.party() + " cannot withdraw: it is " + current + endedNote(command.party()));
        inOrder("noticeOn", new WithdrawalNotified(agreementId, command.party(), command.noticeOn(),
                command.effectiveOn(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RenounceAgreement command) {
        requireOngoing(command.on());
        Map<String, PartyStatus> standing = partiesOn(command.on());
        requireParty("party", command.party(), standing);
        check(standing.get(command.party()).isActive(), command.party() + " cannot renounce: it is "
                + standing.get(command.party()) + endedNote(command.party()));
        inOrder("on", new AgreementRenounced(agreementId, command.on(), command.party(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordMilestone command) {
        check(!retracted, "the report that created this agreement was retracted");
        require(command.kind() != null, "kind", "say which milestone (ADOPTION, PROVISIONAL_APPLICATION ...)");
        requireDate("on", command.on());
        if (command.party() != null) {
            requireParty("party", command.party(), partiesOn(command.on()));
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
        inOrder("on", new AgreementExpired(agreementId, command.on(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(TerminateAgreement command) {
        requireOngoing(command.on());
        inOrder("on", new AgreementTerminated(agreementId, command.on(), command.reason(),
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

    @Override
    public Lifecycle<?> lifecycle() {
        return lifecycle;
    }

    /**
     * One step of an agreement's lifecycle replayed in valid time: the same rules as the commands', on the status
     * and parties the earlier facts left.
     */
    private static String step(LifecycleState agreement, DyadEvent event) {
        if (!(event instanceof AgreementExtended) && (agreement.status == AgreementStatus.EXPIRED
                || agreement.status == AgreementStatus.TERMINATED)) {
            return "the agreement had ended";
        }
        Map<String, PartyStatus> parties = agreement.parties;
        if (event.validOn() != null) {
            succeed(parties, event.validOn().earliest(), agreement.endedWith);
        }
        if (event instanceof SignatureRecorded e) {
            return parties.containsKey(e.party()) ? "already a party" : agreement.party(e.party(), PartyStatus.SIGNED);
        } else if (event instanceof ConsentToBeBoundRecorded e) {
            PartyStatus current = parties.get(e.party());
            if (current == null && e.means() == ConsentMeans.SUCCESSION) {
                Succession succession = predecessorAmong(parties, e.party());
                PartyStatus predecessor = succession == null ? null : agreement.endedWith
                        .getOrDefault(succession.predecessor(), parties.get(succession.predecessor()));
                return agreement.party(e.party(), bySuccessionNotice(predecessor));
            }
            boolean withoutSignature = e.means() == ConsentMeans.ACCESSION || e.means() == ConsentMeans.SUCCESSION;
            return (current == null ? withoutSignature : current == PartyStatus.SIGNED)
                    ? agreement.party(e.party(), PartyStatus.CONSENTED) : "not signed";
        } else if (event instanceof AgreementEnteredIntoForce e) {
            if (!e.parties().stream().allMatch(p -> parties.get(p) == PartyStatus.SIGNED
                    || parties.get(p) == PartyStatus.CONSENTED)) {
                return "not signed or consented";
            }
            agreement.status = AgreementStatus.IN_FORCE;
            e.parties().forEach(p -> parties.put(p, PartyStatus.IN_FORCE));
        } else if (event instanceof ParticipationSuspended e) {
            return parties.get(e.party()) == PartyStatus.IN_FORCE
                    ? agreement.party(e.party(), PartyStatus.SUSPENDED) : "not in force";
        } else if (event instanceof ParticipationResumed e) {
            return parties.get(e.party()) == PartyStatus.SUSPENDED
                    ? agreement.party(e.party(), PartyStatus.IN_FORCE) : "not suspended";
        } else if (event instanceof WithdrawalNotified e) {
            PartyStatus current = parties.get(e.party());
            return current == PartyStatus.CONSENTED || current == PartyStatus.IN_FORCE
                    || current == PartyStatus.SUSPENDED
                    ? agreement.party(e.party(), PartyStatus.WITHDRAWAL_NOTIFIED) : "not bound";
        } else if (event instanceof AgreementRenounced e) {
            return parties.get(e.party()) != null && parties.get(e.party()).isActive()
                    ? agreement.party(e.party(), PartyStatus.RENOUNCED) : "not active";
        } else if (event instanceof AgreementExpired) {
            agreement.status = AgreementStatus.EXPIRED;
        } else if (event instanceof AgreementTerminated) {
            agreement.status = AgreementStatus.TERMINATED;
        }
        return null;
    }

    /** The parties an agreement fact concerns; none for a fact about the whole agreement. */
    private static List<String> partiesOf(DyadEvent event) {
        if (event instanceof AgreementEnteredIntoForce e) {
            return e.parties();
        }
        return event.actors().isEmpty() ? partyOf(event) : event.actors();
    }

    private static List<String> partyOf(DyadEvent event) {
        return event instanceof ParticipationSuspended e ? List.of(e.party())
                : event instanceof ParticipationResumed e ? List.of(e.party())
                : event instanceof WithdrawalNotified e ? List.of(e.party())
                : event instanceof AgreementRenounced e ? List.of(e.party())
                : List.of();
    }

    /** Two facts concern the same thing: a party they share, or one of them concerns the whole agreement. */
    private static boolean related(DyadEvent a, DyadEvent b) {
        List<String> first = partiesOf(a);
        List<String> second = partiesOf(b);
        return first.isEmpty() || second.isEmpty() || first.stream().anyMatch(second::contains);
    }

    /** An agreement fact in the past tense, as a refusal names the fact a new one conflicts with. */
    private static String happened(DyadEvent event) {
        String parties = String.join(", ", partiesOf(event));
        return event instanceof SignatureRecorded ? parties + " signed"
                : event instanceof ConsentToBeBoundRecorded ? parties + " consented to be bound"
                : event instanceof AgreementEnteredIntoForce ? "the agreement entered into force for " + parties
                : event instanceof ParticipationSuspended ? parties + " suspended its participation"
                : event instanceof ParticipationResumed ? parties + " resumed its participation"
                : event instanceof WithdrawalNotified ? parties + " gave notice of withdrawal"
                : event instanceof AgreementRenounced ? parties + " renounced the agreement"
                : event instanceof AgreementExpired ? "the agreement expired"
                : "the agreement was terminated";
    }

    /** An agreement fact as a noun, as a refusal names the new fact. */
    private static String named(DyadEvent event) {
        String parties = String.join(", ", partiesOf(event));
        return event instanceof SignatureRecorded ? "a signature by " + parties
                : event instanceof ConsentToBeBoundRecorded ? "a consent to be bound by " + parties
                : event instanceof AgreementEnteredIntoForce ? "an entry into force for " + parties
                : event instanceof ParticipationSuspended ? "a suspension of participation by " + parties
                : event instanceof ParticipationResumed ? "a resumption of participation by " + parties
                : event instanceof WithdrawalNotified ? "a notice of withdrawal by " + parties
                : event instanceof AgreementRenounced ? "a renunciation by " + parties
                : event instanceof AgreementExpired ? "an expiry"
                : "a termination";
    }

    /** The status and parties a replay of the agreement's lifecycle carries. */
    private static final class LifecycleState {
        AgreementStatus status = AgreementStatus.SIGNED;
        final Map<String, PartyStatus> parties = new LinkedHashMap<>();
        /** The status each party that ceased to exist had when it ended. */
        final Map<String, PartyStatus> endedWith = new LinkedHashMap<>();

        String party(String party, PartyStatus status) {
            parties.put(party, status);
            return null;
        }
    }

    private void requireOngoing(PartialDate on) {
        check(!retracted, "the report that created this agreement was retracted");
        requireNotBefore("on", on, signedOn, "the signature");
        check(status != AgreementStatus.EXPIRED && status != AgreementStatus.TERMINATED,
                "the agreement has " + (status == AgreementStatus.EXPIRED ? "expired" : "been terminated"));
    }

    private void requireParty(String field, String party, Map<String, PartyStatus> standing) {
        require(party != null && standing.containsKey(party), field,
                (party == null ? "a party" : party) + " is not a party to this agreement " + standing.keySet());
    }

    /**
     * Each party's status on a date, by state succession: a party that ceased to exist by then is {@code ENDED}
     * (unless it had already left), and the states that continue it without notice hold its status from the
     * succession date on, unless they have a standing of their own.
     */
    private Map<String, PartyStatus> partiesOn(PartialDate on) {
        Map<String, PartyStatus> standing = new LinkedHashMap<>(parties);
        if (on != null) {
            succeed(standing, on.earliest(), new LinkedHashMap<>());
        }
        return standing;
    }

    /**
     * Ends, in {@code standing}, the active parties that ceased to exist by {@code date} and gives their status to
     * the states that continue them without notice (unless those have a standing of their own); {@code endedWith}
     * gets the status each ended party had.
     */
    private static void succeed(Map<String, PartyStatus> standing, LocalDate date, Map<String, PartyStatus> endedWith) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String party : List.copyOf(standing.keySet())) {
                PartyStatus status = standing.get(party);
                LocalDate end = Actors.endOf(party);
                if (end == null || date.isBefore(end) || !status.isActive()) {
                    continue;
                }
                standing.put(party, PartyStatus.ENDED);
                endedWith.put(party, status);
                changed = true;
                for (Succession succession : Actors.successionsFrom(party)) {
                    if (succession.kind().bindsWithoutNotice() && !date.isBefore(succession.on())) {
                        standing.putIfAbsent(succession.successor(), status);
                    }
                }
            }
        }
    }

    /** The succession by which {@code successor} followed one of {@code parties}, or null. */
    private static Succession predecessorAmong(Map<String, PartyStatus> parties, String successor) {
        return Actors.successionsTo(successor).stream()
                .filter(s -> parties.containsKey(s.predecessor()) && s.kind().takesOverRelations())
                .findFirst().orElse(null);
    }

    /** A successor's notice binds it as its predecessor was bound: in force if in force, consented otherwise. */
    private static PartyStatus bySuccessionNotice(PartyStatus predecessor) {
        return predecessor == PartyStatus.IN_FORCE || predecessor == PartyStatus.SUSPENDED
                || predecessor == PartyStatus.WITHDRAWAL_NOTIFIED ? PartyStatus.IN_FORCE : PartyStatus.CONSENTED;
    }

    /** Why an ended party cannot act: the date it ceased to exist and who continues it. */
    private static String endedNote(String party) {
        LocalDate end = Actors.endOf(party);
        if (end == null) {
            return "";
        }
        List<String> continuators = Actors.successionsFrom(party).stream()
                .filter(s -> s.kind().bindsWithoutNotice()).map(Succession::successor).toList();
        return " (it ceased to exist on " + end + (continuators.isEmpty() ? ""
                : "; continued by " + String.join(", ", continuators)) + ")";
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        agreementId = event.agreementId();
        status = AgreementStatus.SIGNED;
        signedOn = event.signedOn();
        expiresOn = event.expiresOn();
        secret = event.secret();
        event.parties().forEach(p -> parties.put(p, PartyStatus.SIGNED));
        List<String> signatories = event.parties();
        lifecycle = new Lifecycle<>(() -> {
            LifecycleState founded = new LifecycleState();
            signatories.forEach(p -> founded.parties.put(p, PartyStatus.SIGNED));
            return founded;
        }, Agreement::step, Agreement::happened, Agreement::named, Agreement::related, () -> signedOn,
                "the signature");
    }

    @EventSourcingHandler
    void on(SignatureRecorded event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        parties.put(event.party(), PartyStatus.SIGNED);
    }

    @EventSourcingHandler
    void on(ConsentToBeBoundRecorded event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        Succession succession = event.means() == ConsentMeans.SUCCESSION
                ? predecessorAmong(parties, event.party()) : null;
        parties.put(event.party(), bySuccessionNotice(succession == null ? null
                : parties.get(succession.predecessor())));
    }

    @EventSourcingHandler
    void on(AgreementEnteredIntoForce event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = AgreementStatus.IN_FORCE;
        event.parties().forEach(p -> parties.put(p, PartyStatus.IN_FORCE));
    }

    @EventSourcingHandler
    void on(ParticipationSuspended event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        parties.put(event.party(), PartyStatus.SUSPENDED);
    }

    @EventSourcingHandler
    void on(ParticipationResumed event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        parties.put(event.party(), PartyStatus.IN_FORCE);
    }

    @EventSourcingHandler
    void on(WithdrawalNotified event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        parties.put(event.party(), PartyStatus.WITHDRAWAL_NOTIFIED);
    }

    @EventSourcingHandler
    void on(AgreementRenounced event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        parties.put(event.party(), PartyStatus.RENOUNCED);
    }

    @EventSourcingHandler
    void on(AgreementExtended event) {
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(AgreementExpired event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = AgreementStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(AgreementTerminated event, @MessageIdentifier String eventId) {
        lifecycle.recorded(eventId, event);
        status = AgreementStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(AgreementDisclosed event) {
        secret = false;
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        lifecycle.corrected(event);
        if (AgreementSigned.class.getSimpleName().equals(event.correctedEventType())
                && event.changes().get("signedOn") != null) {
            signedOn = PartialDate.parse(String.valueOf(event.changes().get("signedOn")));
        }
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        lifecycle.retracted(event.retractedEventId());
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
