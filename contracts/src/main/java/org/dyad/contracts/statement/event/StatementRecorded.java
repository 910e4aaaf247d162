package org.dyad.contracts.statement.event;

import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.statement.ClaimedAmount;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.wire.EventType;

import java.util.List;

@EventType(aggregate = "statement", name = "StatementRecorded", version = 1,
        description = "An actor made an official statement on `madeOn`; `condition` is set when it is conditional, "
                + "`claim` when it claims or disputes an amount of money.")
public record StatementRecorded(
        String statementId,
        @ActorCode String speaker,
        @ActorCode List<String> addressees,
        StatementKind kind,
        PartialDate madeOn,
        String summary,
        String cameoCode,
        String condition,
        String dealId,
        String agreementId,
        Provenance provenance,
        ClaimedAmount claim) implements DyadEvent {

    /** A statement that claims or disputes no amount. */
    public StatementRecorded(String statementId, String speaker, List<String> addressees, StatementKind kind,
                             PartialDate madeOn, String summary, String cameoCode, String condition, String dealId,
                             String agreementId, Provenance provenance) {
        this(statementId, speaker, addressees, kind, madeOn, summary, cameoCode, condition, dealId, agreementId,
                provenance, null);
    }

    @Override
    public String aggregateId() {
        return statementId;
    }

    @Override
    public PartialDate validOn() {
        return madeOn;
    }
}
