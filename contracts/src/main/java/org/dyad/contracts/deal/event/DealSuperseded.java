package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

/** The deal was superseded on {@code on} by deal {@code supersededBy}. */
@EventType(aggregate = "deal", name = "DealSuperseded", version = 1)
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
