package org.dyad.views.testing;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.register.RegisterImportCounts;
import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;

import java.time.Instant;
import java.time.LocalDate;

/** Events of releases of SIPRI's trade register, as the import of a release records them. */
public final class RegisterEvents {

    public static final String REGISTER = "SIPRI Arms Transfers Database: trade register";

    private RegisterEvents() {
    }

    /** The id the import gives a release of this date. */
    public static String releaseId(String releasedOn) {
        return "sipri-" + releasedOn;
    }

    /** Recorded from the release (its source, dated the release's date) at the instant given. */
    public static Provenance from(String releasedOn, String recordedAt) {
        return new Provenance(new Source("SIPRI", REGISTER, "https://www.sipri.org/databases/armstransfers",
                PartialDate.of(LocalDate.parse(releasedOn)), null, "en"), null, Instant.parse(recordedAt), "importer");
    }

    public static RegisterReleaseRecorded recorded(String releasedOn, String recordedAt) {
        return new RegisterReleaseRecorded(releaseId(releasedOn), REGISTER, PartialDate.of(LocalDate.parse(releasedOn)),
                from(releasedOn, recordedAt));
    }

    public static RegisterReleaseImported imported(String releasedOn, String jobId, int rows, String recordedAt) {
        return new RegisterReleaseImported(releaseId(releasedOn), jobId, "trade-register.csv", "ab".repeat(32),
                "ISO-8859-1", new RegisterImportCounts(rows, rows, 0, 0, 0, 0, 0, 0), from(releasedOn, recordedAt));
    }
}
