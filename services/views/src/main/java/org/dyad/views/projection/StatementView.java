package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.statement.ClaimedAmount;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.views.model.HistoryEntry;

import java.util.List;

/**
 * The read model of an official statement: its document in {@code views.statement}, folded by
 * {@link StatementProjection}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StatementView {

    String statementId;
    String speaker;
    List<String> addressees;
    StatementKind kind;
    PartialDate madeOn;
    String summary;
    String cameoCode;
    String condition;
    String dealId;
    String agreementId;
    ClaimedAmount claim;
    Provenance provenance;
    List<HistoryEntry> history;
    long version;

    StatementView() {
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
