package org.dyad.contracts.deal.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.wire.EventType;

import java.util.List;

@EventType(aggregate = "deal", name = "RegisterEntryRevised", version = 1,
        description = "The register release `releaseId` states the deal differently from the release before it: `row` as "
                + "this release writes it, `changes` cell by cell. The deal's facts it changes follow as corrections "
                + "and new events with this release as their source.")
public record RegisterEntryRevised(
        String dealId,
        String releaseId,
        PartialDate releasedOn,
        int line,
        RegisterRow row,
        List<RegisterFieldChange> changes,
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
