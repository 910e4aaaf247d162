package org.dyad.contracts.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import java.util.List;

/** Record a reported arms transfer from a supplier to a recipient, at whatever stage the source describes. */
public record ReportSale(
        @TargetAggregateIdentifier String dealId,
        String supplier,
        String recipient,
        List<DealItem> items,
        DealStage stage,
        PartialDate reportedOn,
        DealTerms terms,
        Estimate estimate,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) {
}
