package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

/** The secret agreement became public on {@code on}. */
@EventType(aggregate = "agreement", name = "AgreementDisclosed", version = 1)
public record AgreementDisclosed(
        String agreementId,
        PartialDate on,
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
