package org.dyad.ledger;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.dyad.contracts.common.DyadCommand;
import org.springframework.stereotype.Component;

/**
 * Routes a command to the deal, agreement or statement it names, as {@link DyadCommand} says, so that the shared
 * command records carry no Axon annotations and subscribers of the event library do not load Axon. Every aggregate
 * uses it ({@code @Aggregate(commandTargetResolver = ...)}).
 */
@Component(DyadCommandTargetResolver.BEAN)
public class DyadCommandTargetResolver implements CommandTargetResolver {

    public static final String BEAN = "dyadCommandTargetResolver";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof DyadCommand target && target.targetId() != null) {
            return new VersionedAggregateIdentifier(target.targetId(), target.expectedVersion());
        }
        throw new IdentifierMissingException(command.getPayloadType().getSimpleName()
                + " names no deal, agreement or statement");
    }
}
