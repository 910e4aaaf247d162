package org.dyad.ledger.agreement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.contracts.agreement.AgreementSigned;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.agreement.SignAgreement;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.RuleViolationException.require;

/** An agreement between two or more parties, from its signature on. */
@Aggregate
public class Agreement {

    @AggregateIdentifier
    private String agreementId;
    private final Map<String, PartyStatus> parties = new LinkedHashMap<>();

    protected Agreement() {
        // for event sourcing
    }

    @CommandHandler
    public Agreement(SignAgreement command) {
        require(command.parties() != null && command.parties().size() >= 2, "parties",
                "an agreement needs two or more parties");
        require(new HashSet<>(command.parties()).size() == command.parties().size(), "parties",
                "a party is listed more than once");
        require(command.signedOn() != null, "signedOn", "the date of signature is required");
        require(command.source() != null, "source", "every recorded fact needs a source");
        apply(new AgreementSigned(command.agreementId(), command.title(), command.kind(),
                command.subjects() == null ? java.util.List.of() : command.subjects(), command.parties(),
                command.signedOn(), command.place(), command.source(), GenericEventMessage.clock.instant(),
                command.recordedBy()));
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        agreementId = event.agreementId();
        event.parties().forEach(p -> parties.put(p, PartyStatus.SIGNED));
    }
}
