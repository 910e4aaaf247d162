package org.dyad.contracts.agreement.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

/** A party resumed its participation on {@code on}. */
@EventType(aggregate = "agreement", name = "ParticipationResumed", version = 1)
public record ParticipationResumed(
        String agreementId,
        PartialDate on,
        String party,
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
