package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "EstimateRecorded", version = 1,
        description = "A source claimed a value for the deal on `estimatedOn`.")
public record EstimateRecorded(
        String dealId,
        Estimate estimate,
        PartialDate estimatedOn,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return estimatedOn;
    }
}
