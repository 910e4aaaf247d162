package org.dyad.contracts.record;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Source;
import java.util.Map;

/** Correct fields of an earlier event; the original stays in history. */
public record CorrectRecord(
        @TargetAggregateIdentifier String aggregateId,
        String eventId,
        Map<String, Object> changes,
        String reason,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
