package org.dyad.contracts.embargo.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record that an embargo was lifted: it no longer binds from {@code on}. */
public record LiftEmbargo(
        String embargoId,
        PartialDate on,
        String reason,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return embargoId;
    }
}
