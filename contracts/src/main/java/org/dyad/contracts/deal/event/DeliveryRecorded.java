package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "DeliveryRecorded", version = 1,
        description = "A tranche of the deal's items was delivered.")
public record DeliveryRecorded(
        String dealId,
        Tranche tranche,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return tranche.deliveredOn();
    }
}
