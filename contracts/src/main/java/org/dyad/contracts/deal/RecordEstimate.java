package org.dyad.contracts.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record a value a source claims for the deal; estimates are claims and sit side by side. */
public record RecordEstimate(
        @TargetAggregateIdentifier String dealId,
        Estimate estimate,
        PartialDate estimatedOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
