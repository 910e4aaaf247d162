package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.register.RegisterRow;

/**
 * Record that a newer release of a register lists a deal exactly as the release before it did, so that every
 * release's rows can be asked for and written back.
 *
 * @param line the row's line in the imported file
 */
public record RestateRegisterEntry(
        String dealId,
        String releaseId,
        PartialDate releasedOn,
        int line,
        RegisterRow row,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
