package org.dyad.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One webhook delivery of an alert, with its attempts, as {@code GET /api/v1/watchlists/{id}/deliveries} lists them.
 * Every field is written, {@code null} when unknown.
 */
@Schema(name = "WebhookDelivery", description = "one alert's delivery to the watchlist's webhook, with its attempts")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookDeliveryAnswer(
        @Schema(format = "uuid") String id,
        @Schema(format = "uuid") String alertId,
        String url,
        @Schema(allowableValues = {"PENDING", "DELIVERED", "FAILED"}) String status,
        @Schema(description = "attempts made") int attempts,
        @Schema(format = "date-time") String createdAt,
        @Schema(format = "date-time", description = "null until delivered") String deliveredAt,
        @Schema(format = "date-time", description = "when it is tried again; null unless PENDING") String nextAttemptAt,
        @Schema(description = "the attempts, first first") List<Attempt> log) {

    @Schema(name = "WebhookAttempt", description = "one attempt: when, the HTTP status answered (null when none "
            + "was), the error and how long it took")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Attempt(int attempt, @Schema(format = "date-time") String at, Integer httpStatus, String error,
                          long durationMs) {
    }
}
