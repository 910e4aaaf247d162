package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "RegisterEntryDropped", version = 1,
        description = "The register release `releaseId` no longer lists the deal, though it lists other deals of its "
                + "supplier and recipient. The deal and its history stay; it is absent from that release on.")
public record RegisterEntryDropped(
        String dealId,
        String releaseId,
        PartialDate releasedOn,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return dealId;
    }

    /** About what a register's release says of the deal, not a fact of the deal's own: no valid date. */
    @Override
    public PartialDate validOn() {
        return null;
    }
}
