package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "DealSuspended", version = 1,
        description = "The deal was suspended on `on` for `reason`; `embargoId`, when set, names the embargo "
                + "it cites.")
public record DealSuspended(
        String dealId,
        PartialDate on,
        String reason,
        Provenance provenance,
        String embargoId) implements DyadEvent {

    /** A suspension that cites no embargo. */
    public DealSuspended(String dealId, PartialDate on, String reason, Provenance provenance) {
        this(dealId, on, reason, provenance, null);
    }

    @Override
    public String aggregateId() {
        return dealId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
