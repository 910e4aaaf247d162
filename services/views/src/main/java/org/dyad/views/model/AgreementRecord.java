package org.dyad.views.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.agreement.PartyStatus;
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
import org.dyad.contracts.common.Source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agreement as the views show it, folded from its history for a reference date: a withdrawal whose effective
 * date is after that date shows as notified, one whose date has passed as withdrawn; an agreement whose expiry date
 * has passed shows as expired.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AgreementRecord {

    private String agreementId;
    private String title;
    private AgreementKind kind;
    private List<AgreementSubject> subjects = List.of();
    private Boolean binding;
    private boolean secret;
    private PartialDate disclosedOn;
    private Lineage lineage;
    private PartialDate signedOn;
    private String place;
    private PartialDate expiresOn;
    private AgreementStatus status;
    private PartialDate enteredIntoForceOn;
    private PartialDate endedOn;
    @JsonIgnore
    private final Map<String, PartyRecord> parties = new LinkedHashMap<>();
    private List<String> concerning = List.of();
    private List<Source> sources = List.of();
    private List<HistoryEntry> history = List.of();
    private long version;

    /**
     * Folds an agreement's history as it stood on {@code referenceDate}; {@code null} if its signature is not part
     * of the history (retracted, or not yet valid on the date asked about).
     */
    public static AgreementRecord fold(List<HistoryEntry> history, long version, LocalDate referenceDate) {
        AgreementRecord agreement = new AgreementRecord();
        for (HistoryEntry entry : history) {
            if (!entry.retracted()) {
                agreement.apply(entry.event());
            }
        }
        if (agreement.agreementId == null) {
            return null;
        }
        for (PartyRecord party : agreement.parties.values()) {
            if (party.status == PartyStatus.WITHDRAWAL_NOTIFIED
                    && !party.withdrawalEffectiveOn.earliest().isAfter(referenceDate)) {
                party.status = PartyStatus.WITHDRAWN;
            }
        }
        // A bilateral agreement ends when one of its two parties has left it; a multilateral one goes on.
        if (agreement.status == AgreementStatus.IN_FORCE && agreement.parties.size() == 2) {
            agreement.parties.values().stream()
                    .filter(p -> p.status == PartyStatus.RENOUNCED || p.status == PartyStatus.WITHDRAWN)
                    .findFirst().ifPresent(left -> {
                        agreement.status = AgreementStatus.TERMINATED;
                        agreement.endedOn = left.status == PartyStatus.RENOUNCED ? left.renouncedOn
                                : left.withdrawalEffectiveOn;
                    });
        }
        if (agreement.expiresOn != null && agreement.expiresOn.latest().isBefore(referenceDate)
                && (agreement.status == AgreementStatus.SIGNED || agreement.status == AgreementStatus.IN_FORCE)) {
            agreement.status = AgreementStatus.EXPIRED;
            agreement.endedOn = agreement.expiresOn;
        }
        agreement.history = history;
        agreement.version = version;
        agreement.sources = HistoryEntry.sourcesOf(history);
        return agreement;
    }

    private void apply(Object event) {
        if (event instanceof AgreementSigned e) {
            agreementId = e.agreementId();
            title = e.title();
            kind = e.kind();
            subjects = e.subjects();
            binding = e.binding();
            secret = e.secret();
            lineage = e.lineage();
            signedOn = e.signedOn();
            place = e.place();
            expiresOn = e.expiresOn();
            concerning = e.concerning() == null ? List.of() : e.concerning();
            status = AgreementStatus.SIGNED;
            e.parties().forEach(p -> party(p).signedOn = e.signedOn());
        } else if (agreementId == null) {
            return; // facts about an agreement whose signature is not (yet) part of the answer
        } else if (event instanceof SignatureRecorded e) {
            PartyRecord party = party(e.party());
            party.status = PartyStatus.SIGNED;
            party.signedOn = e.on();
        } else if (event instanceof ConsentToBeBoundRecorded e) {
            PartyRecord party = party(e.party());
            party.status = PartyStatus.CONSENTED;
            party.consentMeans = e.means();
            party.consentedOn = e.on();
        } else if (event instanceof AgreementEnteredIntoForce e) {
            status = AgreementStatus.IN_FORCE;
            if (enteredIntoForceOn == null) {
                enteredIntoForceOn = e.on();
            }
            e.parties().forEach(p -> {
                party(p).status = PartyStatus.IN_FORCE;
                party(p).inForceOn = e.on();
            });
        } else if (event instanceof ParticipationSuspended e) {
            party(e.party()).status = PartyStatus.SUSPENDED;
            party(e.party()).suspendedOn = e.on();
            party(e.party()).reason = e.reason();
        } else if (event instanceof ParticipationResumed e) {
            party(e.party()).status = PartyStatus.IN_FORCE;
            party(e.party()).suspendedOn = null;
        } else if (event instanceof WithdrawalNotified e) {
            party(e.party()).status = PartyStatus.WITHDRAWAL_NOTIFIED;
            party(e.party()).withdrawalNoticeOn = e.noticeOn();
            party(e.party()).withdrawalEffectiveOn = e.effectiveOn();
        } else if (event instanceof AgreementRenounced e) {
            party(e.party()).status = PartyStatus.RENOUNCED;
            party(e.party()).renouncedOn = e.on();
            party(e.party()).reason = e.reason();
        } else if (event instanceof AgreementExtended e) {
            expiresOn = e.expiresOn();
        } else if (event instanceof AgreementExpired e) {
            status = AgreementStatus.EXPIRED;
            endedOn = e.on();
        } else if (event instanceof AgreementTerminated e) {
            status = AgreementStatus.TERMINATED;
            endedOn = e.on();
        } else if (event instanceof AgreementDisclosed e) {
            secret = false;
            disclosedOn = e.on();
        }
    }

    private PartyRecord party(String code) {
        return parties.computeIfAbsent(code, PartyRecord::new);
    }

    /** The next date after {@code referenceDate} on which this agreement's status changes without a new event. */
    public LocalDate nextChangeAfter(LocalDate referenceDate) {
        List<LocalDate> changes = new ArrayList<>();
        parties.values().stream().filter(p -> p.status == PartyStatus.WITHDRAWAL_NOTIFIED)
                .forEach(p -> changes.add(p.withdrawalEffectiveOn.earliest()));
        if (expiresOn != null) {
            changes.add(expiresOn.latest().plusDays(1));
        }
        return changes.stream().filter(d -> d.isAfter(referenceDate)).min(LocalDate::compareTo).orElse(null);
    }

    public String agreementId() {
        return agreementId;
    }

    public AgreementKind kind() {
        return kind;
    }

    public List<String> subjectNames() {
        return subjects.stream().map(Enum::name).toList();
    }

    public AgreementStatus status() {
        return status;
    }

    public PartialDate signedOn() {
        return signedOn;
    }

    @JsonProperty("parties")
    public List<PartyRecord> parties() {
        return new ArrayList<>(parties.values());
    }

    public List<String> concerning() {
        return concerning;
    }

    public long version() {
        return version;
    }
}
