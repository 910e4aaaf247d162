package org.dyad.contracts.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import java.util.List;

/** Record that the deal was contracted (ordered), optionally with the contracted items. */
public record ConcludeContract(
        @TargetAggregateIdentifier String dealId,
        PartialDate on,
        List<DealItem> items,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
