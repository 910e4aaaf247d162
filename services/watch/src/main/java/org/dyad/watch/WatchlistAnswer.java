package org.dyad.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * A watchlist as {@code GET /api/v1/watchlists} and {@code GET /api/v1/watchlists/{id}} answer it (and its creation
 * and replacement do, with the webhook's new secret). Every field is written, {@code webhookUrl} {@code null} when
 * the watchlist has no webhook; {@code webhookSecret} only in the answer that made the secret.
 */
@Schema(name = "Watchlist", description = "a watchlist: what it watches and where its alerts go")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WatchlistAnswer(
        @Schema(format = "uuid") String id,
        String name,
        Criteria criteria,
        @Schema(description = "where alerts are posted, signed; null when none") String webhookUrl,
        @Schema(format = "date-time") String createdAt,
        @Schema(format = "date-time") String updatedAt,
        @Schema(description = "the display name of every actor code the criteria name") Map<String, String> actorNames,
        @Schema(description = "the webhook's signing secret (hex), in the answer that made it only")
        @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret) {
}
