package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "DealRevived", version = 1,
        description = "The cancelled deal was revived on `on` at `stage`.")
public record DealRevived(
        String dealId,
        PartialDate on,
        DealStage stage,
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
