package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

/** The deal was cancelled on {@code on} for {@code reason}. */
@EventType(aggregate = "deal", name = "DealCancelled", version = 1)
public record DealCancelled(
        String dealId,
        PartialDate on,
        String reason,
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
