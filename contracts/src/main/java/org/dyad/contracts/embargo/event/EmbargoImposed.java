package org.dyad.contracts.embargo.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.wire.EventType;

import java.util.List;

@EventType(aggregate = "embargo", name = "EmbargoImposed", version = 1,
        description = "`imposedBy` (a state or an organisation) imposed an embargo or sanctions on `targets`, in "
                + "force from `from` until `to` (when its end is set) or until it is lifted; `measures` and "
                + "`categories` (empty: every category) say what it forbids, `legalBasis` the act that imposed it.")
public record EmbargoImposed(
        String embargoId,
        @ActorCode String imposedBy,
        @ActorCode List<String> targets,
        PartialDate from,
        PartialDate to,
        List<EmbargoMeasure> measures,
        List<WeaponCategory> categories,
        String scope,
        String legalBasis,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return embargoId;
    }

    @Override
    public PartialDate validOn() {
        return from;
    }
}
