package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.register.RegisterImportCounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The releases of published registers on record ({@code GET /api/v1/sipri/releases}), newest first. */
@Schema(name = "RegisterReleases", description = "the releases of published registers on record, newest first")
public record RegisterReleasesAnswer(
        List<Release> releases,
        @Schema(description = "every source the answer names, by key (none for releases)") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    /** A release: its date, when Dyad first knew it, each completed import of it and the rows it lists. */
    @Schema(name = "RegisterRelease", description = "a release of a published register: its date, the instant Dyad "
            + "first knew it (knownFrom, its first completed import; absent before one), its imports and the "
            + "number of rows it lists")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Release(
            @Schema(description = "e.g. sipri-2025-03-13") String releaseId,
            @Schema(description = "the register's name") String register,
            @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String releasedOn,
            Instant knownFrom,
            List<Import> imports,
            @Schema(description = "the deals the release lists") long rows) {
    }

    /** One completed import of a file of the release, with what became of its rows. */
    @Schema(name = "RegisterReleaseImport", description = "one completed import of a file of the release")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Import(String jobId, String fileName, String fileSha256,
                         @Schema(description = "the charset the file was read in") String charset,
                         RegisterImportCounts counts, Instant recordedAt) {
    }
}
