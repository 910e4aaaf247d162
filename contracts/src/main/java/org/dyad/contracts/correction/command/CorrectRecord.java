package org.dyad.contracts.correction.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Source;

import java.util.Map;

/** Correct fields of an earlier event; the original stays in history. */
public record CorrectRecord(
        String aggregateId,
        String eventId,
        Map<String, Object> changes,
        String reason,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return aggregateId;
    }
}
