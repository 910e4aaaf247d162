package org.dyad.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An alert as the API shows it ({@link Alert#toJson}): in a page of {@code GET /api/v1/alerts}, whose
 * {@code actorNames} gathers its actors' names, and alone, with its own {@code actorNames}, in the answer of
 * {@code POST /api/v1/alerts/{id}/read}. {@code readAt} is present once it is read.
 */
@Schema(name = "Alert", description = "an event that matched one of the user's watchlists")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertAnswer(
        @Schema(format = "uuid", description = "the same for the same watchlist and event") String id,
        @Schema(format = "uuid") String watchlistId,
        String watchlistName,
        String eventId,
        @Schema(description = "the event's name", example = "ContractConcluded") String eventType,
        String recordId,
        @Schema(example = "deal") String recordKind,
        @Schema(format = "date-time", description = "when Dyad recorded the event") String time,
        @Schema(description = "the codes of the actors the record names") List<String> actors,
        String summary,
        @Schema(description = "the API path of the record", example = "/api/v1/deals/fra-ind-2002-rafale")
        String link,
        @Schema(format = "date-time") String raisedAt,
        boolean read,
        @Schema(format = "date-time", description = "when the user marked it read; absent while unread")
        @JsonInclude(JsonInclude.Include.NON_NULL) String readAt,
        @Schema(description = "the display name of each of its actors; absent in a page, which names them once")
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> actorNames) {
}
