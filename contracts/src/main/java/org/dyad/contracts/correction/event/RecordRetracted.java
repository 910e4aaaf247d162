package org.dyad.contracts.correction.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "record", name = "RecordRetracted", version = 1,
        description = "An earlier claim (`retractedEventId`) was withdrawn; readers stop counting it and history "
                + "keeps it.")
public record RecordRetracted(
        String aggregateId,
        String retractedEventId,
        String retractedEventType,
        String reason,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return aggregateId;
    }

    @Override
    public PartialDate validOn() {
        return null;
    }
}
