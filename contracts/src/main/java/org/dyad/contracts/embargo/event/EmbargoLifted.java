package org.dyad.contracts.embargo.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "embargo", name = "EmbargoLifted", version = 1,
        description = "The embargo was lifted on `on` (it no longer binds from that date) for `reason`.")
public record EmbargoLifted(
        String embargoId,
        PartialDate on,
        String reason,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return embargoId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
