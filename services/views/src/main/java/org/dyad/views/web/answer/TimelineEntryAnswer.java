package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** One event on a timeline, with what Dyad logged about its recording. */
@Schema(name = "TimelineEntry", description = "one event as logged: its record, dates, the client and request that "
        + "recorded it, whether it was corrected or retracted")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimelineEntryAnswer(
        String eventId,
        @Schema(description = "the event type, e.g. SaleReported") String type,
        @Schema(description = "deal, agreement, statement, embargo, actor or release") String recordType,
        String recordId,
        @Schema(description = Dates.PARTIAL, pattern = Dates.PARTIAL_PATTERN) String validOn,
        @Schema(description = "when Dyad recorded it") String recordedAt,
        @Schema(description = "the User-Agent of the request that recorded it") String client,
        @Schema(description = "the request's correlation id") String correlationId,
        @Schema(description = "the intake draft it was accepted from") String draftId,
        boolean corrected,
        boolean retracted,
        ProvenanceAnswer provenance,
        @Schema(description = "the event's data as its type's schema /schemas/org.dyad.{recordType}.{type}/v{n}.json "
                + "describes it, its provenance left out (see provenance)")
        JsonNode event) {
}
