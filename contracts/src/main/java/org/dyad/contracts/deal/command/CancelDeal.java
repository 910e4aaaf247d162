package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record that the deal was cancelled. */
public record CancelDeal(
        String dealId,
        PartialDate on,
        String reason,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion,
        String embargoId) implements DyadCommand {

    /** The command citing no embargo. */
    public CancelDeal(String dealId, PartialDate on, String reason, Source source, AdmiraltyGrade grade,
                       String recordedBy, Long expectedVersion) {
        this(dealId, on, reason, source, grade, recordedBy, expectedVersion, null);
    }

    @Override
    public String targetId() {
        return dealId;
    }
}
