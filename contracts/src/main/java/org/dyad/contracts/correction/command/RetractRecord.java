package org.dyad.contracts.correction.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Source;

/** Withdraw an earlier claim whose source proved wrong; nothing is deleted. */
public record RetractRecord(
        String aggregateId,
        String eventId,
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
