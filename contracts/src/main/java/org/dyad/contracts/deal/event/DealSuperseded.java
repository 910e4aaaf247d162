package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "DealSuperseded", version = 1,
        description = "The deal was superseded on `on` by the deal `supersededBy`.")
public record DealSuperseded(
        String dealId,
        PartialDate on,
        String supersededBy,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
