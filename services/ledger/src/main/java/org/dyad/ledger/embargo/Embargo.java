package org.dyad.ledger.embargo;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.embargo.command.ImposeEmbargo;
import org.dyad.contracts.embargo.command.LiftEmbargo;
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.embargo.event.EmbargoLifted;
import org.dyad.ledger.Actors;
import org.dyad.ledger.DyadCommandTargetResolver;

import java.util.HashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.IllegalTransitionException.check;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.Recording.requireDate;
import static org.dyad.ledger.Recording.requireNotBefore;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * An arms embargo or sanctions regime: one actor (a state, or an organisation such as the United Nations or the
 * European Union) forbids transfers to or from others, from a date until it is lifted or its set end passes. Deal
 * suspensions and cancellations may cite it.
 */
@Aggregate(commandTargetResolver = DyadCommandTargetResolver.BEAN)
public class Embargo {

    @AggregateIdentifier
    private String embargoId;
    private PartialDate from;
    private PartialDate to;
    private boolean lifted;
    private boolean retracted;

    protected Embargo() {
        // for event sourcing
    }

    @CommandHandler
    public Embargo(ImposeEmbargo command) {
        requireDate("from", command.from());
        Actors.requireKnown("imposedBy", command.imposedBy(), command.from());
        List<String> targets = command.targets();
        require(targets != null && !targets.isEmpty(), "targets", "name the actors the embargo is imposed on");
        Actors.requireKnown("targets", targets, command.from());
        require(!targets.contains(command.imposedBy()), "targets", "an actor does not impose an embargo on itself");
        require(new HashSet<>(targets).size() == targets.size(), "targets", "each target is named once");
        require(command.measures() != null && !command.measures().isEmpty(), "measures",
                "say what the embargo forbids (ARMS, DUAL_USE ...)");
        if (command.to() != null) {
            require(!command.to().latest().isBefore(command.from().earliest()), "to",
                    command.to() + " is before the embargo's start (" + command.from() + ")");
        }
        apply(new EmbargoImposed(command.embargoId(), command.imposedBy(), List.copyOf(targets), command.from(),
                command.to(), List.copyOf(command.measures()),
                command.categories() == null ? List.of() : List.copyOf(command.categories()), command.scope(),
                command.legalBasis(), provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(LiftEmbargo command) {
        check(!retracted, "the report that imposed this embargo was retracted");
        check(!lifted, "the embargo was already lifted");
        requireNotBefore("on", command.on(), from, "the embargo's start");
        if (to != null) {
            require(!command.on().earliest().isAfter(to.latest()), "on",
                    command.on() + " is after the embargo's set end (" + to + "), when it ended by its own terms");
        }
        require(command.reason() != null && !command.reason().isBlank(), "reason", "say why the embargo was lifted");
        apply(new EmbargoLifted(embargoId, command.on(), command.reason(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @EventSourcingHandler
    void on(EmbargoImposed event) {
        embargoId = event.embargoId();
        from = event.from();
        to = event.to();
    }

    @EventSourcingHandler
    void on(EmbargoLifted event) {
        lifted = true;
    }

    /** A corrected start or end moves the dates a lifting is checked against. */
    @EventSourcingHandler
    void on(RecordCorrected event) {
        if (EmbargoImposed.class.getSimpleName().equals(event.correctedEventType())) {
            if (event.changes().get("from") != null) {
                from = PartialDate.parse((String) event.changes().get("from"));
            }
            if (event.changes().containsKey("to")) {
                to = event.changes().get("to") == null ? null : PartialDate.parse((String) event.changes().get("to"));
            }
        }
    }

    @EventSourcingHandler
    void on(RecordRetracted event) {
        if (EmbargoImposed.class.getSimpleName().equals(event.retractedEventType())) {
            retracted = true;
        } else if (EmbargoLifted.class.getSimpleName().equals(event.retractedEventType())) {
            lifted = false;
        }
    }
}
