package org.dyad.contracts.statement.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.statement.ClaimedAmount;
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
        String recordedBy,
        ClaimedAmount claim) implements DyadCommand {

    /** A statement that claims or disputes no amount. */
    public RecordStatement(String statementId, String speaker, List<String> addressees, StatementKind kind,
                           PartialDate madeOn, String summary, String cameoCode, String condition, String dealId,
                           String agreementId, Source source, AdmiraltyGrade grade, String recordedBy) {
        this(statementId, speaker, addressees, kind, madeOn, summary, cameoCode, condition, dealId, agreementId,
                source, grade, recordedBy, null);
    }

    @Override
    public String targetId() {
        return statementId;
    }
}
