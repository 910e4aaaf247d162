package org.dyad.contracts.deal.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record a value a source claims for the deal; estimates are claims and sit side by side. */
public record RecordEstimate(
        String dealId,
        Estimate estimate,
        PartialDate estimatedOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return dealId;
    }
}
