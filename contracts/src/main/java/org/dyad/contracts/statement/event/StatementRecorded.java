package org.dyad.contracts.statement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.wire.EventType;

import java.util.ArrayList;
import java.util.List;

/** An actor made an official statement on {@code madeOn}; {@code condition} is set when it is conditional. */
@EventType(aggregate = "statement", name = "StatementRecorded", version = 1)
public record StatementRecorded(
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
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return statementId;
    }

    @Override
    public PartialDate validOn() {
        return madeOn;
    }

    @Override
    public List<String> actors() {
        List<String> actors = new ArrayList<>(addressees);
        actors.add(speaker);
        return actors;
    }
}
