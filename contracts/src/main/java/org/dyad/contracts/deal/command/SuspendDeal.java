package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record that the deal was suspended (e.g. by an embargo); it can be resumed. */
public record SuspendDeal(
        String dealId,
        PartialDate on,
        String reason,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion,
        String embargoId) implements DyadCommand {

    /** The command citing no embargo. */
    public SuspendDeal(String dealId, PartialDate on, String reason, Source source, AdmiraltyGrade grade,
                        String recordedBy, Long expectedVersion) {
        this(dealId, on, reason, source, grade, recordedBy, expectedVersion, null);
    }

    @Override
    public String targetId() {
        return dealId;
    }
}
