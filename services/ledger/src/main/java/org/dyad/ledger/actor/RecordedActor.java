package org.dyad.ledger.actor;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.actor.command.RecordActor;
import org.dyad.contracts.actor.event.ActorRecorded;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.RuleViolationException;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * An actor recorded beside the shipped reference list, known by its code. Its code, name and aliases must be new to
 * Dyad: neither shipped nor recorded before.
 */
@Aggregate(commandTargetResolver = DyadCommandTargetResolver.BEAN)
public class RecordedActor {

    private static final ActorRegistry REGISTRY = ActorRegistry.standard();

    @AggregateIdentifier
    private String code;

    protected RecordedActor() {
        // for event sourcing
    }

    @CommandHandler
    public RecordedActor(RecordActor command) {
        require(command.kind() != null, "kind", "say what kind of actor it is: NON_STATE_GROUP, "
                + "INTERNATIONAL_ORGANISATION or UNKNOWN");
        String pattern = command.kind() == RecordedActorKind.INTERNATIONAL_ORGANISATION
                ? "Q[M-Z][A-Z]" : "X[A-Z]{2}";
        require(command.code() != null && command.code().matches(pattern), "code", "'" + command.code()
                + "' is not a code of ISO 3166's user-assigned range for " + command.kind() + " (" + pattern + ")");
        require(REGISTRY.byCode(command.code()).isEmpty(), "code",
                command.code() + " is already " + REGISTRY.byCode(command.code()).map(Actor::name).orElse("known"));
        require(command.name() != null && !command.name().isBlank(), "name", "give the actor's name");
        require(command.belongsTo() == null, "belongsTo", "a " + command.kind() + " belongs to no state");
        require(command.validFrom() == null || command.validTo() == null
                || command.validFrom().isBefore(command.validTo()), "validTo", "must be after validFrom");
        List<String> aliases = command.aliases() == null ? List.of() : command.aliases();
        requireNewName("name", command.name(), command.code());
        for (int i = 0; i < aliases.size(); i++) {
            require(aliases.get(i) != null && !aliases.get(i).isBlank(), "aliases[" + i + "]", "must not be blank");
            requireNewName("aliases[" + i + "]", aliases.get(i), command.code());
        }
        apply(new ActorRecorded(command.code(), command.name().strip(), command.kind(),
                aliases.stream().map(String::strip).toList(), command.validFrom(), command.validTo(), null,
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    /** A name must not be another actor's name or alias (the registry compares names ignoring case and accents). */
    private static void requireNewName(String field, String name, String code) {
        REGISTRY.byName(name).filter(holder -> !holder.code().equals(code)).ifPresent(holder -> {
            throw new RuleViolationException(field, "'" + name + "' already names " + holder.code()
                    + " (" + holder.name() + ")");
        });
    }

    @EventSourcingHandler
    void on(ActorRecorded event) {
        code = event.code();
    }
}
