package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

/** A party renounced the agreement on {@code on}. */
@EventType(aggregate = "agreement", name = "AgreementRenounced", version = 1)
public record AgreementRenounced(
        String agreementId,
        PartialDate on,
        String party,
        String reason,
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
