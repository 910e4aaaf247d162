package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.views.model.HistoryEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model of an agreement: its document in {@code views.agreement}, folded by {@link AgreementProjection}
 * from its history for a reference date.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AgreementView {

    String agreementId;
    String title;
    AgreementKind kind;
    List<AgreementSubject> subjects = List.of();
    Boolean binding;
    boolean secret;
    PartialDate disclosedOn;
    Lineage lineage;
    PartialDate signedOn;
    String place;
    PartialDate expiresOn;
    AgreementStatus status;
    PartialDate enteredIntoForceOn;
    PartialDate endedOn;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Possibly possibly;
    @JsonIgnore
    private final Map<String, PartyStanding> parties = new LinkedHashMap<>();
    List<String> concerning = List.of();
    /** Adoption, provisional application, provisions taking effect: in the order they were recorded. */
    final List<Milestone> milestones = new ArrayList<>();
    List<Source> sources = List.of();
    List<HistoryEntry> history = List.of();
    long version;

    /** A milestone as the agreement's answer shows it; {@code party} is absent for the whole agreement. */
    public record Milestone(String eventId, MilestoneKind kind, PartialDate on, String party, String provisions,
                            String note, Provenance provenance) {
    }

    AgreementView() {
    }

    /**
     * The status an agreement or a party may already have on the date asked about: a fact whose date has begun but
     * may still be ahead (a withdrawal taking effect in "2002", asked about 2002-03-01) would give it this status.
     *
     * @param since the date of that fact as recorded ({@code null} when it follows from a party's step)
     */
    public record Possibly(Enum<?> status, PartialDate since) {
    }

    boolean hasParty(String code) {
        return parties.containsKey(code);
    }

    PartyStanding party(String code) {
        return parties.computeIfAbsent(code, PartyStanding::new);
    }

    /** The next date after {@code referenceDate} on which this agreement's status changes without a new event. */
    public LocalDate nextChangeAfter(LocalDate referenceDate) {
        List<LocalDate> changes = new ArrayList<>();
        parties.values().stream().filter(p -> p.status == PartyStatus.WITHDRAWAL_NOTIFIED)
                .forEach(p -> changes.add(p.withdrawalEffectiveOn.latest()));
        if (expiresOn != null) {
            changes.add(expiresOn.latest().plusDays(1));
        }
        LocalDate partyEnds = PartySuccession.nextEndAfter(this, referenceDate);
        if (partyEnds != null) {
            changes.add(partyEnds);
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
    public List<PartyStanding> parties() {
        return new ArrayList<>(parties.values());
    }

    public List<String> concerning() {
        return concerning;
    }

    public long version() {
        return version;
    }
}
