package org.dyad.contracts.actor.event;

import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.wire.EventType;

import java.time.LocalDate;
import java.util.List;

@EventType(aggregate = "actor", name = "ActorRecorded", version = 1,
        description = "An actor the shipped reference list does not know is on record under `code` (from ISO 3166's "
                + "user-assigned range: `X..` for a group or unknown party, `QM.`-`QZ.` for an organisation); every "
                + "service knows it by its code, name and `aliases` from then on.")
public record ActorRecorded(
        String code,
        String name,
        RecordedActorKind kind,
        List<String> aliases,
        LocalDate validFrom,
        LocalDate validTo,
        String belongsTo,
        Provenance provenance) implements DyadEvent {

    public ActorRecorded {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    @Override
    public String aggregateId() {
        return code;
    }

    @Override
    public PartialDate validOn() {
        return validFrom == null ? null : PartialDate.of(validFrom);
    }
}
