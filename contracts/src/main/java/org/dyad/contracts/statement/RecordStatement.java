package org.dyad.contracts.statement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import java.util.List;

/** Record an official statement by one actor to or about others (protest, threat, pledge, expectation ...). */
public record RecordStatement(
        @TargetAggregateIdentifier String statementId,
        String speaker,
        List<String> addressees,
        StatementKind kind,
        PartialDate madeOn,
        String summary,
        String cameoCode,
        String condition,
        String dealId,
        String agreementId,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) {
}
