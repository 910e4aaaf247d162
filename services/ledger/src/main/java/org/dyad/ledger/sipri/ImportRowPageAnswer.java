package org.dyad.ledger.sipri;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of an import's per-row report ({@code GET /api/v1/imports/{id}/rows}). A field with no value is left out. */
@Schema(name = "ImportRowPage", description = "a page of an import's per-row report, by line (dropped deals, "
        + "without a line, last)")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportRowPageAnswer(List<Row> items, int page, int size,
                                  @Schema(description = "rows of the report the filter selects") long total) {

    @Schema(name = "ImportRow", description = "what became of one row of the file, or of a deal the release dropped")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            @Schema(description = "the row's line in the file; absent for a DROPPED deal") Integer line,
            @Schema(allowableValues = {"IMPORTED", "REVISED", "UNCHANGED", "DROPPED", "AMBIGUOUS", "REJECTED"})
            String outcome,
            @Schema(description = "the deal the row recorded, revised, restated or dropped; absent when none")
            String dealId,
            @Schema(description = "why, for any outcome but a plain IMPORTED; absent when nothing is to be said")
            String reason) {
    }
}
