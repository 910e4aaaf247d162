package org.dyad.contracts.agreement.event;

import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "agreement", name = "MilestoneRecorded", version = 1,
        description = "A milestone of the agreement on `on`: its text adopted, provisional application begun or "
                + "ended, some `provisions` taking effect; for one `party` when set, else for the agreement.")
public record MilestoneRecorded(
        String agreementId,
        MilestoneKind kind,
        PartialDate on,
        @ActorCode(namesIntoRecord = false) String party,
        String provisions,
        String note,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
