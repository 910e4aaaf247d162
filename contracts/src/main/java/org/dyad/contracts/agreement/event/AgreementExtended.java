package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "AgreementExtended", version = 1,
        description = "The agreement was extended on `on` until `expiresOn`.")
public record AgreementExtended(
        String agreementId,
        PartialDate on,
        PartialDate expiresOn,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
