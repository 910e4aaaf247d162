package org.dyad.contracts.register.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/**
 * Record a release of a published register (SIPRI republishes its whole trade register every year): the record
 * every imported row of that release points at.
 *
 * @param releaseId  e.g. {@code sipri-2025-03-13}
 * @param register   which register, e.g. "SIPRI Arms Transfers Database: trade register"
 * @param releasedOn the date the publisher generated the release
 */
public record RecordRegisterRelease(
        String releaseId,
        String register,
        PartialDate releasedOn,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return releaseId;
    }
}
