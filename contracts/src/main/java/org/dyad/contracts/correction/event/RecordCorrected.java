package org.dyad.contracts.correction.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.util.Map;

/** Fields of an earlier event were corrected; views apply {@code changes} to it. */
@EventType(aggregate = "record", name = "RecordCorrected", version = 1)
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
