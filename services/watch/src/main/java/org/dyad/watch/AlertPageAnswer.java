package org.dyad.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A page of the user's alerts, newest first ({@code GET /api/v1/alerts}). Every field is written. */
@Schema(name = "AlertPage", description = "a page of the user's alerts, newest first, with the counts of all and "
        + "of unread ones")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertPageAnswer(
        List<AlertAnswer> alerts,
        int page,
        int size,
        @Schema(description = "alerts on every page (unread ones only when the query asks for those)") long total,
        @Schema(description = "the user's unread alerts, whatever the query") long unread,
        @Schema(description = "the display name of every actor code the page names") Map<String, String> actorNames) {
}
