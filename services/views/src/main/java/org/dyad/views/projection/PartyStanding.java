package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.common.PartialDate;

/** One party's standing towards an agreement, with the date of each step it took. */
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

    PartyStanding(String party) {
        this.party = party;
    }

    public String party() {
        return party;
    }

    public PartyStatus status() {
        return status;
    }
}
