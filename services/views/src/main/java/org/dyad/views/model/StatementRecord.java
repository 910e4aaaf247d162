package org.dyad.views.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.statement.event.StatementRecorded;

import java.util.List;

/** An official statement as the views show it. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StatementRecord {

    private String statementId;
    private String speaker;
    private List<String> addressees;
    private StatementKind kind;
    private PartialDate madeOn;
    private String summary;
    private String cameoCode;
    private String condition;
    private String dealId;
    private String agreementId;
    private Provenance provenance;
    private List<HistoryEntry> history;
    private long version;

    /** {@code null} when the statement is retracted or not yet made on the date asked about. */
    public static StatementRecord fold(List<HistoryEntry> history, long version) {
        StatementRecord statement = new StatementRecord();
        for (HistoryEntry entry : history) {
            if (!entry.retracted() && entry.event() instanceof StatementRecorded e) {
                statement.statementId = e.statementId();
                statement.speaker = e.speaker();
                statement.addressees = e.addressees();
                statement.kind = e.kind();
                statement.madeOn = e.madeOn();
                statement.summary = e.summary();
                statement.cameoCode = e.cameoCode();
                statement.condition = e.condition();
                statement.dealId = e.dealId();
                statement.agreementId = e.agreementId();
                statement.provenance = e.provenance();
            }
        }
        if (statement.statementId == null) {
            return null;
        }
        statement.history = history;
        statement.version = version;
        return statement;
    }

    public String statementId() {
        return statementId;
    }

    public String speaker() {
        return speaker;
    }

    public List<String> addressees() {
        return addressees;
    }

    public PartialDate madeOn() {
        return madeOn;
    }

    public long version() {
        return version;
    }
}
