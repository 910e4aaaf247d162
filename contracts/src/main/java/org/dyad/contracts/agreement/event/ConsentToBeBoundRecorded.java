package org.dyad.contracts.agreement.event;

import org.dyad.contracts.agreement.ConsentMeans;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.util.List;

/** A party consented to be bound on {@code on}. */
@EventType(aggregate = "agreement", name = "ConsentToBeBoundRecorded", version = 1)
public record ConsentToBeBoundRecorded(
        String agreementId,
        PartialDate on,
        String party,
        ConsentMeans means,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return agreementId;
    }

    @Override
    public PartialDate validOn() {
        return on;
    }

    @Override
    public List<String> actors() {
        return List.of(party);
    }
}
