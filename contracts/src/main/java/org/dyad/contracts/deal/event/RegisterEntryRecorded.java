package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "deal", name = "RegisterEntryRecorded", version = 1,
        description = "The register release `releaseId` (published `releasedOn`) lists the deal as `row`, at `line` of the "
                + "imported file: the entry the deal was first recorded from.")
public record RegisterEntryRecorded(
        String dealId,
        String releaseId,
        PartialDate releasedOn,
        int line,
        RegisterRow row,
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
