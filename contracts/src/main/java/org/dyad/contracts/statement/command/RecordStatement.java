package org.dyad.contracts.statement.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.statement.StatementKind;

import java.util.List;

/** Record an official statement by one actor to or about others (protest, threat, pledge, expectation ...). */
public record RecordStatement(
        String statementId,
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
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return statementId;
    }
}
