package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/** A page of the events between actors, in valid-time order ({@code GET /api/v1/timeline}). */
@Schema(name = "Timeline", description = "a page of the events of the parties' records in valid-time order")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineAnswer(
        List<TimelineEntryAnswer> items,
        int page,
        int size,
        @Schema(description = "the events on every page") long total,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
