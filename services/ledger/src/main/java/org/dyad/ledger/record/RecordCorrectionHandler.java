package org.dyad.ledger.record;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.dyad.contracts.correction.CorrectableFields;
import org.dyad.contracts.correction.command.CorrectRecord;
import org.dyad.contracts.correction.command.RetractRecord;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.ledger.CommandLimits;
import org.dyad.ledger.DatedLifecycle;
import org.dyad.ledger.RuleViolationException;
import org.dyad.ledger.agreement.Agreement;
import org.dyad.ledger.deal.Deal;
import org.dyad.ledger.embargo.Embargo;
import org.dyad.ledger.statement.Statement;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.IllegalTransitionException.check;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * Corrections and retractions of any record (deal, agreement, statement). They point at an earlier event of the
 * record and are appended to the same record's stream, so that the record's version guards them like any other
 * change and its history keeps both the original and the correction.
 */
@Component
class RecordCorrectionHandler {

    private final EventStore eventStore;
    private final Configuration axon;
    private final Validator validator;

    RecordCorrectionHandler(EventStore eventStore, Configuration axon, Validator validator) {
        this.eventStore = eventStore;
        this.axon = axon;
        this.validator = validator;
    }

    @CommandHandler
    void handle(CorrectRecord command) {
        require(command.reason() != null && !command.reason().isBlank(), "reason", "say why the record is corrected");
        Target target = find(command.aggregateId(), command.eventId());
        List<String> problems = CorrectableFields.problems(target.event().getPayloadType(), command.changes());
        if (problems.isEmpty()) {
            problems = constraintProblems(CorrectableFields.typed(target.event().getPayloadType(),
                    command.changes()));
        }
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            throw new RuleViolationException(first.substring(0, first.indexOf(':')),
                    String.join("; ", problems.stream().map(p -> p.substring(p.indexOf(':') + 2)).toList()));
        }
        RecordCorrected corrected = new RecordCorrected(command.aggregateId(), command.eventId(), target.typeName(),
                command.changes(), command.reason(), provenance(command.source(), command.grade(),
                command.recordedBy()));
        repository(target.event().getType()).load(command.aggregateId(), command.expectedVersion())
                .execute(aggregate -> {
                    if (aggregate instanceof DatedLifecycle record) {
                        record.requireInOrder(corrected);
                    }
                    apply(corrected);
                });
    }

    @CommandHandler
    void handle(RetractRecord command) {
        require(command.reason() != null && !command.reason().isBlank(), "reason", "say why the claim is retracted");
        Target target = find(command.aggregateId(), command.eventId());
        check(target.event().getPayloadType() != RecordRetracted.class, "a retraction cannot be retracted");
        RecordRetracted retracted = new RecordRetracted(command.aggregateId(), command.eventId(), target.typeName(),
                command.reason(), provenance(command.source(), command.grade(), command.recordedBy()));
        repository(target.event().getType()).load(command.aggregateId(), command.expectedVersion())
                .execute(aggregate -> apply(retracted));
    }

    /** New values must keep the limits the commands that record them keep (e.g. an item's designation length). */
    private List<String> constraintProblems(Map<String, Object> typed) {
        List<String> problems = new ArrayList<>();
        typed.forEach((field, value) -> {
            List<?> elements = value instanceof Collection<?> list ? List.copyOf(list) : value == null ? List.of()
                    : List.of(value);
            for (int i = 0; i < elements.size(); i++) {
                String at = "changes." + field + (value instanceof Collection<?> ? "[" + i + "]" : "");
                problems.addAll(CommandLimits.violations(validator, at, elements.get(i)));
            }
        });
        return problems;
    }

    private record Target(DomainEventMessage<?> event, String typeName) {
    }

    /** The event being corrected or retracted, which must belong to the record and not be retracted already. */
    private Target find(String aggregateId, String eventId) {
        require(eventId != null, "eventId", "name the event to correct or retract");
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        DomainEventMessage<?> target = null;
        boolean seen = false;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            seen = true;
            if (event.getIdentifier().equals(eventId)) {
                target = event;
            }
            if (event.getPayload() instanceof RecordRetracted r && r.retractedEventId().equals(eventId)) {
                check(false, "event " + eventId + " was already retracted");
            }
        }
        if (!seen) {
            throw new AggregateNotFoundException(aggregateId, "no record " + aggregateId);
        }
        require(target != null, "eventId", "record " + aggregateId + " has no event " + eventId);
        return new Target(target, target.getPayloadType().getSimpleName());
    }

    private Repository<?> repository(String aggregateType) {
        return switch (aggregateType) {
            case "Deal" -> axon.repository(Deal.class);
            case "Agreement" -> axon.repository(Agreement.class);
            case "Statement" -> axon.repository(Statement.class);
            case "Embargo" -> axon.repository(Embargo.class);
            default -> throw new IllegalStateException("no repository for " + aggregateType);
        };
    }
}
