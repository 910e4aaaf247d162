package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "ParticipationResumed", version = 1,
        description = "A party resumed its participation in the agreement on `on`.")
public record ParticipationResumed(
        String agreementId,
        PartialDate on,
        @ActorCode(namesIntoRecord = false) String party,
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
