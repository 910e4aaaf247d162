package org.dyad.contracts.agreement.event;

import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "ConsentToBeBoundRecorded", version = 1,
        description = "A party consented to be bound by the agreement on `on`, by `means`.")
public record ConsentToBeBoundRecorded(
        String agreementId,
        PartialDate on,
        @ActorCode String party,
        ConsentMeans means,
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
