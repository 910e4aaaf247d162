package org.dyad.ledger.deal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.ReportSale;
import org.dyad.contracts.deal.SaleReported;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.RuleViolationException.require;

/** An arms transfer from a supplier to a recipient, from the first report of it to its delivery. */
@Aggregate
public class Deal {

    @AggregateIdentifier
    private String dealId;
    private DealStage stage;

    protected Deal() {
        // for event sourcing
    }

    @CommandHandler
    public Deal(ReportSale command) {
        require(command.supplier() != null && command.recipient() != null, "supplier",
                "a deal needs a supplier and a recipient");
        require(!command.supplier().equals(command.recipient()), "recipient",
                "supplier and recipient must differ");
        require(command.items() != null && !command.items().isEmpty(), "items", "a deal needs at least one item");
        require(command.reportedOn() != null, "reportedOn", "the date of the report is required");
        require(command.source() != null, "source", "every recorded fact needs a source");
        apply(new SaleReported(command.dealId(), command.supplier(), command.recipient(), command.items(),
                command.stage() == null ? DealStage.REPORTED : command.stage(), command.reportedOn(),
                command.estimate(), command.source(), GenericEventMessage.clock.instant(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(SaleReported event) {
        dealId = event.dealId();
        stage = event.stage();
    }

    DealStage stage() {
        return stage;
    }
}
