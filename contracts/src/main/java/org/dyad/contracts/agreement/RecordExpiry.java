package org.dyad.contracts.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record that the agreement expired. */
public record RecordExpiry(
        @TargetAggregateIdentifier String agreementId,
        PartialDate on,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
