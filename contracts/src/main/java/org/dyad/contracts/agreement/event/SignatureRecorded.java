package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "SignatureRecorded", version = 1,
        description = "A further party signed the agreement on `on`.")
public record SignatureRecorded(
        String agreementId,
        PartialDate on,
        @ActorCode String party,
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
