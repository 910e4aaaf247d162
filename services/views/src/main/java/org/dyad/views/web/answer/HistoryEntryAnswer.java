package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One event of a record's history, with the corrections and the retraction that apply to it. */
@Schema(name = "HistoryEntry", description = "one event of a record's history, as corrected")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntryAnswer(
        String eventId,
        @Schema(description = "the event type, e.g. SaleReported") String type,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String validOn,
        @Schema(description = "the event's data with corrections applied, as its type's schema "
                + "/schemas/org.dyad.{record}.{type}/v{n}.json describes it (its provenance names its source by "
                + "sourceId)")
        JsonNode event,
        @Schema(description = "the event's data as first recorded, when a correction changed it")
        JsonNode original,
        List<Amendment> corrections,
        @Schema(description = "the retraction, when the event was retracted") Amendment retraction,
        boolean retracted) {

    /** A correction or retraction: why, what it changed (a correction's fields and their new values), by whom. */
    @Schema(name = "Amendment", description = "a correction or retraction of an event")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amendment(String eventId, String reason,
                            @Schema(description = "the corrected fields (JSON paths) and their new values")
                            Map<String, Object> changes,
                            ProvenanceAnswer provenance) {
    }
}
