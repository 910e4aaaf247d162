package org.dyad.contracts.register.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.register.RegisterImportCounts;

/**
 * Record that a file of a release was imported to its end: which file (its SHA-256 digest and encoding), by which
 * import job, and what became of its rows. A release may be imported more than once (the same file again, or
 * another download of it); each import is recorded.
 */
public record RecordRegisterReleaseImport(
        String releaseId,
        String jobId,
        String fileName,
        String fileSha256,
        String charset,
        RegisterImportCounts counts,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy) implements DyadCommand {

    @Override
    public String targetId() {
        return releaseId;
    }
}
