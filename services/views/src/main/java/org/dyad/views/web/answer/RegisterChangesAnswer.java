package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.contracts.register.RegisterRow;

import java.util.List;
import java.util.Map;

/**
 * What changed from one release to another ({@code GET /api/v1/sipri/releases/{a}/changes/{b}}): the deals added,
 * dropped and changed, each list paged alike, with the counts of each and of those unchanged.
 */
@Schema(name = "RegisterChanges", description = "the deals release b lists and a does not (added), those a lists and "
        + "b does not (dropped), and those both list with different rows (changed), each list paged alike")
public record RegisterChangesAnswer(
        @Schema(description = "release a") RegisterReleasesAnswer.Release from,
        @Schema(description = "release b") RegisterReleasesAnswer.Release to,
        Counts counts,
        List<Entry> added,
        List<Entry> dropped,
        List<Entry> changed,
        int page,
        int size,
        @Schema(description = "every source the answer names, by key (none for changes)") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    /** The deals of each kind of change, on every page. */
    @Schema(name = "RegisterChangeCounts", description = "the deals of each kind of change, on every page")
    public record Counts(long added, long dropped, long changed, long unchanged) {
    }

    /** A deal a release added, dropped or changed: its row in the release that lists it last. */
    @Schema(name = "RegisterChange", description = "a deal added, dropped or changed, with its row as the release "
            + "that lists it last writes it (a dropped deal: release a); changes only for a changed deal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            String dealId,
            String supplier,
            String recipient,
            @Schema(description = "the row's line in that release's file, null when not known")
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer line,
            RegisterRow row,
            @Schema(description = "each cell b states differently from a, in the export's order")
            List<RegisterFieldChange> changes) {
    }
}
