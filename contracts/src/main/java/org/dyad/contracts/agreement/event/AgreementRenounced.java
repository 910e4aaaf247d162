package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "AgreementRenounced", version = 1,
        description = "A party renounced the agreement on `on`.")
public record AgreementRenounced(
        String agreementId,
        PartialDate on,
        @ActorCode(namesIntoRecord = false) String party,
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
