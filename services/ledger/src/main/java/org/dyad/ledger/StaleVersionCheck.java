package org.dyad.ledger;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.dyad.contracts.common.DyadCommand;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Refuses a command whose expected version (the client's {@code If-Match}) is older than its record before the
 * command is judged. An event-sourced repository defers its own version check to the commit, after the handler ran,
 * so a stale client would otherwise hear about a rule or transition the record's newer state breaks (409, 422)
 * instead of that its version is stale (412). A change stored between the check and the loading of the record is
 * caught when the command is refused (the check runs again) or at the commit by the store's unique (record,
 * sequence) key.
 */
@Component
public class StaleVersionCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore eventStore;

    StaleVersionCheck(EventStore eventStore, CommandBus commandBus) {
        this.eventStore = eventStore;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof DyadCommand command)
                || command.expectedVersion() == null) {
            return interceptorChain.proceed();
        }
        refuseIfStale(command);
        try {
            return interceptorChain.proceed();
        } catch (RuleViolationException | IllegalTransitionException refused) {
            // another change may have been stored between the check above and loading the record
            refuseIfStale(command);
            throw refused;
        }
    }

    private void refuseIfStale(DyadCommand command) {
        Optional<Long> current = eventStore.lastSequenceNumberFor(command.targetId());
        if (current.isPresent() && current.get() > command.expectedVersion()) {
            throw new ConflictingAggregateVersionException(command.targetId(), command.expectedVersion(),
                    current.get());
        }
    }
}
