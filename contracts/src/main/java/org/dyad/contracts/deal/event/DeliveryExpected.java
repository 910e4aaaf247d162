package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "DeliveryExpected", version = 1,
        description = "A source said on `statedOn` that `quantity` of `designation` (of the whole outstanding order "
                + "when absent) is due between `dueFrom` (when set) and `dueBy`.")
public record DeliveryExpected(
        String dealId,
        PartialDate statedOn,
        PartialDate dueFrom,
        PartialDate dueBy,
        String designation,
        Integer quantity,
        String note,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return statedOn;
    }
}
