package org.dyad.contracts.correction.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.util.Map;

@EventType(aggregate = "record", name = "RecordCorrected", version = 1,
        description = "Fields of an earlier event (`correctedEventId`) were corrected; readers apply `changes` to "
                + "it. The original stays in history.")
public record RecordCorrected(
        String aggregateId,
        String correctedEventId,
        String correctedEventType,
        Map<String, Object> changes,
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
