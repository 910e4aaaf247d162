package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.common.PartialDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One party's standing towards an agreement, with the date of each step it took. A party that holds its place by
 * state succession says so: {@code by} is {@code SUCCESSION}, {@code from} the predecessor, {@code succession} how it
 * followed it and {@code since} the date its own participation starts. A predecessor that ceased to exist is
 * {@code ENDED} on {@code endedOn}, with the parties that took its place in {@code succeededBy}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PartyStanding {

    final String party;
    PartyStatus status = PartyStatus.SIGNED;
    PartialDate signedOn;
    ConsentMeans consentMeans;
    PartialDate consentedOn;
    PartialDate inForceOn;
    PartialDate suspendedOn;
    PartialDate withdrawalNoticeOn;
    PartialDate withdrawalEffectiveOn;
    PartialDate renouncedOn;
    String reason;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    AgreementView.Possibly possibly;
    String by;
    String from;
    String succession;
    LocalDate since;
    LocalDate endedOn;
    List<String> succeededBy;

    PartyStanding(String party) {
        this.party = party;
    }

    public String party() {
        return party;
    }

    public PartyStatus status() {
        return status;
    }

    /** Whether the agreement binds the party (in force for it, even if suspended or a withdrawal is pending). */
    boolean isBound() {
        return status == PartyStatus.IN_FORCE || status == PartyStatus.SUSPENDED
                || status == PartyStatus.WITHDRAWAL_NOTIFIED;
    }

    /** Marks the party as holding its place by succession from {@code predecessor} since {@code on}. */
    void bySuccession(String predecessor, String kind, LocalDate on) {
        by = "SUCCESSION";
        from = predecessor;
        succession = kind;
        since = on;
    }

    /** The predecessor's steps this party inherits, where it has none of its own. */
    void inherit(PartyStanding predecessor) {
        signedOn = signedOn != null ? signedOn : predecessor.signedOn;
        consentMeans = consentMeans != null ? consentMeans : predecessor.consentMeans;
        consentedOn = consentedOn != null ? consentedOn : predecessor.consentedOn;
        inForceOn = inForceOn != null ? inForceOn : predecessor.inForceOn;
        suspendedOn = suspendedOn != null ? suspendedOn : predecessor.suspendedOn;
        if (withdrawalEffectiveOn == null) {
            withdrawalNoticeOn = predecessor.withdrawalNoticeOn;
            withdrawalEffectiveOn = predecessor.withdrawalEffectiveOn;
        }
    }

    void ended(LocalDate on, String successor) {
        status = PartyStatus.ENDED;
        endedOn = on;
        if (successor != null) {
            succeededBy = succeededBy == null ? new ArrayList<>() : succeededBy;
            succeededBy.add(successor);
        }
    }
}
