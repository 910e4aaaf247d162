package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.wire.EventType;

/** The cancelled deal was revived on {@code on} at {@code stage}. */
@EventType(aggregate = "deal", name = "DealRevived", version = 1)
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
