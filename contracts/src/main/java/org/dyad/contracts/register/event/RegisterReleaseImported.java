package org.dyad.contracts.register.event;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.register.RegisterImportCounts;
import org.dyad.contracts.wire.EventType;

@EventType(aggregate = "release", name = "RegisterReleaseImported", version = 1,
        description = "A file of the release (`fileSha256`, read as `charset`) was imported to its end by the import "
                + "job `jobId`, with `counts` of what became of its rows. Dyad knows the release as published from "
                + "the first such event's recording time: queries asked as of the release answer as known then.")
public record RegisterReleaseImported(
        String releaseId,
        String jobId,
        String fileName,
        String fileSha256,
        String charset,
        RegisterImportCounts counts,
        Provenance provenance) implements DyadEvent {

    @Override
    public String aggregateId() {
        return releaseId;
    }

    /** About Dyad's copy of the release, not a fact in the world: no valid date. */
    @Override
    public PartialDate validOn() {
        return null;
    }
}
