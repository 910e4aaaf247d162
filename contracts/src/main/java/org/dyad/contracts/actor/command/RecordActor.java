package org.dyad.contracts.actor.command;

import org.dyad.contracts.actor.RecordedActorKind;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * Record an actor the shipped reference list does not know (a non-state group SIPRI names, an organisation), under a
 * code Dyad assigned from ISO 3166's user-assigned range.
 *
 * @param code      {@code X..} for a group or unknown party, {@code QM.}-{@code QZ.} for an organisation
 * @param aliases   other names, such as the source's own spelling ("Free Coast Front (Atlantis)*")
 * @param validFrom first day it existed, if known
 * @param validTo   first day it no longer existed, if it has ended
 * @param belongsTo the state it acts for; none for the kinds that may be recorded
 */
public record RecordActor(
        String code,
        String name,
        RecordedActorKind kind,
        List<String> aliases,
        LocalDate validFrom,
        LocalDate validTo,
        String belongsTo,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return code;
    }
}
