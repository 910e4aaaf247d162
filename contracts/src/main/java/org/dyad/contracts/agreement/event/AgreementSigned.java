package org.dyad.contracts.agreement.event;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.Lineage;
import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.util.List;

@EventType(aggregate = "agreement", name = "AgreementSigned", version = 1,
        description = "Two or more parties signed an agreement on `signedOn`; `concerning` are third actors it is "
                + "about.")
public record AgreementSigned(
        String agreementId,
        String title,
        AgreementKind kind,
        List<AgreementSubject> subjects,
        @ActorCode List<String> parties,
        @ActorCode List<String> concerning,
        PartialDate signedOn,
        String place,
        Boolean binding,
        boolean secret,
        Lineage lineage,
        PartialDate expiresOn,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return signedOn;
    }
}
