package org.dyad.views.projection;

import org.dyad.actors.Succession;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.PartyStatus;
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
import org.dyad.contracts.common.ValidTimeOrder;
import org.dyad.views.model.HistoryEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the views of agreements: the {@link AgreementView} folded from an agreement's history, one {@code on(…)}
 * method per agreement event, and its rows in {@code views.agreement} and {@code views.agreement_actor}. Statuses
 * that change by date alone (a notified withdrawal taking effect, an expiry) are folded for a reference date; the
 * row keeps the next such date ({@code review_on}) so that the agreement is folded again then.
 */
public final class AgreementProjection implements RecordProjection {

    static final EventHandlers<AgreementView> FOLD = new EventHandlers<AgreementView>()
            .on(AgreementSigned.class, AgreementProjection::on)
            .on(SignatureRecorded.class, AgreementProjection::on)
            .on(ConsentToBeBoundRecorded.class, AgreementProjection::on)
            .on(AgreementEnteredIntoForce.class, AgreementProjection::on)
            .on(ParticipationSuspended.class, AgreementProjection::on)
            .on(ParticipationResumed.class, AgreementProjection::on)
            .on(WithdrawalNotified.class, AgreementProjection::on)
            .on(AgreementRenounced.class, AgreementProjection::on)
            .on(AgreementExtended.class, AgreementProjection::on)
            .on(AgreementExpired.class, AgreementProjection::on)
            .on(AgreementTerminated.class, AgreementProjection::on)
            .on(AgreementDisclosed.class, AgreementProjection::on)
            .on(MilestoneRecorded.class, AgreementProjection::on);

    @Override
    public String recordType() {
        return "agreement";
    }

    /**
     * Folds an agreement's history as it stood on {@code referenceDate}, every fact counting whatever its date (the
     * present, or a history already limited to a date).
     */
    public static AgreementView fold(List<HistoryEntry> history, long version, LocalDate referenceDate) {
        return fold(history, version, referenceDate, null);
    }

    /**
     * Folds an agreement's history as it stood on {@code referenceDate}, in valid-time order ({@link ValidTimeOrder},
     * the signature first): a withdrawal whose effective date is after that date shows as notified, one whose date
     * has surely passed as withdrawn; an agreement whose expiry date has passed shows as expired; a party that ceased
     * to exist by then is ended and its continuator holds its place, and an agreement that fewer than two parties
     * remain bound by has ended ({@link PartySuccession}). {@code null} if its signature is not part of the history
     * (retracted, or not yet valid on the date asked about).
     * <p>
     * As of a date ({@code asOf} not null), a fact whose date may still be ahead ("2002" as of 2002-03-01) does not
     * count, nor does a withdrawal whose effective date may still be ahead; if counting them would change the
     * agreement's or a party's status, the agreement or the party says so in {@code possibly}.
     *
     * @param asOf the date asked about; {@code null} when every fact of the history counts
     */
    public static AgreementView fold(List<HistoryEntry> history, long version, LocalDate referenceDate,
                                     LocalDate asOf) {
        HistoryEntry signature = history.stream()
                .filter(h -> !h.retracted() && h.event() instanceof AgreementSigned).findFirst().orElse(null);
        if (signature == null) {
            return null;
        }
        List<HistoryEntry> ordered = new ArrayList<>(List.of(signature));
        ordered.addAll(ValidTimeOrder.of(history.stream().filter(h -> !h.retracted() && h != signature).toList(),
                HistoryEntry::validOn));
        AgreementView agreement = foldAt(ordered, referenceDate, asOf, false, new HashMap<>());
        if (asOf != null) {
            Map<String, PartialDate> since = new HashMap<>();
            AgreementView possible = foldAt(ordered, referenceDate, asOf, true, since);
            if (possible.status != agreement.status) {
                agreement.possibly = new AgreementView.Possibly(possible.status, since.get(null));
            }
            for (PartyStanding party : agreement.parties()) {
                PartyStanding maybe = possible.party(party.party());
                if (maybe.status != party.status) {
                    party.possibly = new AgreementView.Possibly(maybe.status, since.get(party.party()));
                }
            }
        }
        agreement.history = history;
        agreement.version = version;
        agreement.sources = HistoryEntry.sourcesOf(history);
        return agreement;
    }

    /**
     * One fold of the ordered facts. Surely ({@code possibly} false): only facts whose date has surely passed by
     * {@code asOf}, and withdrawals from the last day their effective date may denote. Possibly: also the facts whose
     * date has begun by then, and withdrawals from the first day; {@code since} gets the date of the last such fact
     * that changed the agreement's status (under key {@code null}) or a party's.
     */
    private static AgreementView foldAt(List<HistoryEntry> ordered, LocalDate referenceDate, LocalDate asOf,
                                        boolean possibly, Map<String, PartialDate> since) {
        AgreementView agreement = new AgreementView();
        for (HistoryEntry entry : ordered) {
            boolean uncertain = asOf != null && ValidTimeOrder.possiblyBy(entry.validOn(), asOf)
                    && !(entry.event() instanceof AgreementSigned);
            if (uncertain && !possibly) {
                continue;
            }
            AgreementStatus status = agreement.status;
            Map<String, PartyStatus> parties = new HashMap<>();
            agreement.parties().forEach(p -> parties.put(p.party(), p.status));
            FOLD.apply(entry, agreement);
            if (uncertain) {
                if (agreement.status != status) {
                    since.put(null, entry.validOn());
                }
                agreement.parties().stream().filter(p -> p.status != parties.get(p.party()))
                        .forEach(p -> since.put(p.party(), entry.validOn()));
            }
        }
        PartySuccession.apply(agreement, referenceDate);
        for (PartyStanding party : agreement.parties()) {
            LocalDate effective = party.withdrawalEffectiveOn == null ? null : possibly
                    ? party.withdrawalEffectiveOn.earliest() : party.withdrawalEffectiveOn.latest();
            if (party.status == PartyStatus.WITHDRAWAL_NOTIFIED && !effective.isAfter(referenceDate)) {
                party.status = PartyStatus.WITHDRAWN;
                if (!party.withdrawalEffectiveOn.latest().isAfter(referenceDate)) {
                    continue;
                }
                since.put(party.party(), party.withdrawalEffectiveOn);
                since.putIfAbsent(null, party.withdrawalEffectiveOn);
            }
        }
        // An agreement in force ends when fewer than two parties remain bound by it.
        AgreementStatus beforeEnding = agreement.status;
        PartySuccession.endIfFewerThanTwoBound(agreement);
        if (agreement.status != beforeEnding) {
            agreement.parties().stream().map(p -> since.get(p.party())).filter(Objects::nonNull).findFirst()
                    .ifPresent(date -> since.putIfAbsent(null, date));
        }
        if (agreement.expiresOn != null && agreement.expiresOn.latest().isBefore(referenceDate)
                && (agreement.status == AgreementStatus.SIGNED || agreement.status == AgreementStatus.IN_FORCE)) {
            agreement.status = AgreementStatus.EXPIRED;
            agreement.endedOn = agreement.expiresOn;
        }
        return agreement;
    }

    static void on(AgreementSigned e, HistoryEntry entry, AgreementView agreement) {
        agreement.agreementId = e.agreementId();
        agreement.title = e.title();
        agreement.kind = e.kind();
        agreement.subjects = e.subjects();
        agreement.binding = e.binding();
        agreement.secret = e.secret();
        agreement.lineage = e.lineage();
        agreement.signedOn = e.signedOn();
        agreement.place = e.place();
        agreement.expiresOn = e.expiresOn();
        agreement.concerning = e.concerning() == null ? List.of() : e.concerning();
        agreement.status = AgreementStatus.SIGNED;
        e.parties().forEach(p -> agreement.party(p).signedOn = e.signedOn());
    }

    static void on(SignatureRecorded e, HistoryEntry entry, AgreementView agreement) {
        PartyStanding party = agreement.party(e.party());
        party.status = PartyStatus.SIGNED;
        party.signedOn = e.on();
    }

    /**
     * A consent by {@code SUCCESSION} of a successor to one of the parties binds it from the notice's date as the
     * predecessor was bound: in force if the agreement was in force for the predecessor, consented otherwise.
     */
    static void on(ConsentToBeBoundRecorded e, HistoryEntry entry, AgreementView agreement) {
        Optional<Succession> succession = e.means() == ConsentMeans.SUCCESSION
                ? PartySuccession.predecessorAmong(agreement, e.party()) : Optional.empty();
        PartyStanding party = agreement.party(e.party());
        party.status = PartyStatus.CONSENTED;
        party.consentMeans = e.means();
        party.consentedOn = e.on();
        succession.ifPresent(s -> {
            PartyStanding predecessor = agreement.party(s.predecessor());
            if (predecessor.isBound()) {
                party.status = PartyStatus.IN_FORCE;
                party.inForceOn = e.on();
            }
            party.bySuccession(s.predecessor(), s.kind().name(), e.on().earliest());
        });
    }

    static void on(AgreementEnteredIntoForce e, HistoryEntry entry, AgreementView agreement) {
        agreement.status = AgreementStatus.IN_FORCE;
        if (agreement.enteredIntoForceOn == null) {
            agreement.enteredIntoForceOn = e.on();
        }
        e.parties().forEach(p -> {
            agreement.party(p).status = PartyStatus.IN_FORCE;
            agreement.party(p).inForceOn = e.on();
        });
    }

    static void on(ParticipationSuspended e, HistoryEntry entry, AgreementView agreement) {
        PartyStanding party = agreement.party(e.party());
        party.status = PartyStatus.SUSPENDED;
        party.suspendedOn = e.on();
        party.reason = e.reason();
    }

    static void on(ParticipationResumed e, HistoryEntry entry, AgreementView agreement) {
        PartyStanding party = agreement.party(e.party());
        party.status = PartyStatus.IN_FORCE;
        party.suspendedOn = null;
    }

    /** Notified now, withdrawn from its effective date on (see {@link #fold}). */
    static void on(WithdrawalNotified e, HistoryEntry entry, AgreementView agreement) {
        PartyStanding party = agreement.party(e.party());
        party.status = PartyStatus.WITHDRAWAL_NOTIFIED;
        party.withdrawalNoticeOn = e.noticeOn();
        party.withdrawalEffectiveOn = e.effectiveOn();
    }

    static void on(AgreementRenounced e, HistoryEntry entry, AgreementView agreement) {
        PartyStanding party = agreement.party(e.party());
        party.status = PartyStatus.RENOUNCED;
        party.renouncedOn = e.on();
        party.reason = e.reason();
    }

    static void on(AgreementExtended e, HistoryEntry entry, AgreementView agreement) {
        agreement.expiresOn = e.expiresOn();
    }

    static void on(AgreementExpired e, HistoryEntry entry, AgreementView agreement) {
        agreement.status = AgreementStatus.EXPIRED;
        agreement.endedOn = e.on();
    }

    static void on(AgreementTerminated e, HistoryEntry entry, AgreementView agreement) {
        agreement.status = AgreementStatus.TERMINATED;
        agreement.endedOn = e.on();
    }

    static void on(AgreementDisclosed e, HistoryEntry entry, AgreementView agreement) {
        agreement.secret = false;
        agreement.disclosedOn = e.on();
    }

    static void on(MilestoneRecorded e, HistoryEntry entry, AgreementView agreement) {
        agreement.milestones.add(new AgreementView.Milestone(entry.eventId(), e.kind(), e.on(), e.party(),
                e.provisions(), e.note(), e.provenance()));
    }

    @Override
    public void rewrite(List<RecordHistory> agreements, Set<String> newRecords, BatchWrites batch) {
        LocalDate today = LocalDate.now();
        for (RecordHistory record : agreements) {
            AgreementRows.write(batch, record, fold(record.history(), record.version(), today), today);
            batch.counts().recordRewritten(record.actors());
        }
    }
}
