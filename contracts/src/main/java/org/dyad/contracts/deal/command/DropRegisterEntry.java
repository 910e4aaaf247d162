package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record that a newer release of a register no longer lists a deal it recorded; the deal is kept. */
public record DropRegisterEntry(
        String dealId,
        String releaseId,
        PartialDate releasedOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
