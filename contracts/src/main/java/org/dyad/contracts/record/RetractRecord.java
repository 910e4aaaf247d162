package org.dyad.contracts.record;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;

/** Withdraw an earlier claim whose source proved wrong; nothing is deleted. */
public record RetractRecord(
        @TargetAggregateIdentifier String aggregateId,
        String eventId,
        String reason,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
