package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A page of the records the views could not read ({@code GET /api/v1/admin/dead-letters}), oldest first. */
@Schema(name = "DeadLetterPage", description = "a page of the records the views could not read, oldest first")
public record DeadLetterPageAnswer(
        List<DeadLetter> items,
        int page,
        int size,
        @Schema(description = "the records parked, on every page") long total) {

    /** A record parked with the reason it could not be read. */
    @Schema(name = "DeadLetter", description = "a record the views could not read: where it was on the topic, its "
            + "key and headers, why, and when it was parked")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeadLetter(
            @Schema(description = "its id, for POST /api/v1/admin/dead-letters/{id}/retry") long id,
            String topic,
            int partition,
            long offset,
            @Schema(description = "the record's key, null without one") String key,
            @Schema(description = "the record's headers as text (the CloudEvent's ce_* attributes among them)")
            Map<String, String> headers,
            String reason,
            @Schema(format = "date-time") String parkedAt) {
    }
}
