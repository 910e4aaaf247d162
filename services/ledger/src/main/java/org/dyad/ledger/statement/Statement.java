package org.dyad.ledger.statement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.contracts.common.CurrencyCode;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.contracts.statement.command.RecordStatement;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.ledger.Actors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.Recording.requireDate;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * An official statement by one actor to or about others: a protest, threat, pledge, expectation. It is a record of
 * its own so that it can be corrected or retracted like any other.
 */
@Aggregate(commandTargetResolver = DyadCommandTargetResolver.BEAN)
public class Statement {

    @AggregateIdentifier
    private String statementId;

    protected Statement() {
        // for event sourcing
    }

    @CommandHandler
    public Statement(RecordStatement command) {
        requireDate("madeOn", command.madeOn());
        Actors.requireKnown("speaker", command.speaker(), command.madeOn());
        require(command.addressees() != null && !command.addressees().isEmpty(), "addressees",
                "name the actors the statement is addressed to or about");
        Actors.requireKnown("addressees", command.addressees(), command.madeOn());
        require(!command.addressees().contains(command.speaker()), "addressees",
                "the speaker cannot address itself");
        require(command.kind() != null, "kind", "say what the statement does (protest, pledge ...)");
        require(command.claim() == null || !CurrencyCode.TIV.equals(command.claim().currency()), "claim.currency",
                "a claim is money: TIV is SIPRI's measure of military capability, not a currency");
        apply(new StatementRecorded(command.statementId(), command.speaker(), command.addressees(), command.kind(),
                command.madeOn(), command.summary(), command.cameoCode(), command.condition(), command.dealId(),
                command.agreementId(), provenance(command.source(), command.grade(), command.recordedBy()),
                command.claim()));
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        statementId = event.statementId();
    }
}
