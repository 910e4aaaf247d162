package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.util.List;

/** The agreement entered into force on {@code on} for {@code parties}. */
@EventType(aggregate = "agreement", name = "AgreementEnteredIntoForce", version = 1)
public record AgreementEnteredIntoForce(
        String agreementId,
        PartialDate on,
        List<String> parties,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }
}
