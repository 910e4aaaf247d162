package org.dyad.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook outbox ({@code watch.webhook_delivery}) and its log of attempts ({@code watch.webhook_attempt}). A
 * delivery is written in the transaction that raises its alert and sent later by {@link WebhookSender}.
 */
@Component
class WebhookDeliveries {

    /** A delivery due now, claimed by one sender. */
    record Due(UUID id, UUID watchlistId, String url, String body, int attempts) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    WebhookDeliveries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(Alert alert, String url, String body) {
        jdbc.update("INSERT INTO watch.webhook_delivery (id, alert_id, watchlist_id, url, body, status,"
                + " next_attempt_at, created_at) VALUES (:id, :alert, :watchlist, :url, :body, 'PENDING', now(), now())"
                + " ON CONFLICT (alert_id) DO NOTHING", new MapSqlParameterSource("id", UUID.randomUUID())
                .addValue("alert", alert.id()).addValue("watchlist", alert.watchlistId()).addValue("url", url)
                .addValue("body", body));
    }

    /**
     * Claims up to {@code limit} due deliveries: each is put off by {@code lease} so that no other sender takes it
     * while this one tries it.
     */
    List<Due> claim(int limit, Duration lease) {
        return jdbc.query("""
                UPDATE watch.webhook_delivery SET next_attempt_at = now() + CAST(:lease AS interval)
                WHERE id IN (SELECT id FROM watch.webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, watchlist_id, url, body, attempts""",
                new MapSqlParameterSource("limit", limit).addValue("lease", lease.toMillis() + " milliseconds"),
                (rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("watchlist_id", UUID.class),
                        rs.getString("url"), rs.getString("body"), rs.getInt("attempts")));
    }

    /**
     * Logs an attempt and what follows from it: delivered, another attempt after {@code retryAfter}, or (null)
     * given up.
     */
    void attempted(Due delivery, OffsetDateTime at, Integer httpStatus, String error, long durationMs,
                   boolean delivered, Duration retryAfter) {
        int attempt = delivery.attempts() + 1;
        jdbc.update("INSERT INTO watch.webhook_attempt (delivery_id, attempt, at, http_status, error, duration_ms)"
                + " VALUES (:id, :attempt, :at, :status, :error, :duration) ON CONFLICT DO NOTHING",
                new MapSqlParameterSource("id", delivery.id()).addValue("attempt", attempt).addValue("at", at)
                        .addValue("status", httpStatus).addValue("error", error).addValue("duration", durationMs));
        String status = delivered ? "DELIVERED" : retryAfter == null ? "FAILED" : "PENDING";
        jdbc.update("UPDATE watch.webhook_delivery SET attempts = :attempt, status = :status,"
                + " delivered_at = CASE WHEN :delivered THEN now() END,"
                + " next_attempt_at = now() + CAST(:wait AS interval) WHERE id = :id",
                new MapSqlParameterSource("id", delivery.id()).addValue("attempt", attempt)
                        .addValue("status", status).addValue("delivered", delivered)
                        .addValue("wait", (retryAfter == null ? 0 : retryAfter.toMillis()) + " milliseconds"));
    }

    /** The watchlist's latest deliveries, newest first, each with its attempts. */
    ArrayNode log(UUID watchlistId, int limit, ObjectMapper json) {
        Map<UUID, ObjectNode> deliveries = new LinkedHashMap<>();
        jdbc.query("SELECT id, alert_id, url, status, attempts, next_attempt_at, created_at, delivered_at"
                        + " FROM watch.webhook_delivery WHERE watchlist_id = :watchlist"
                        + " ORDER BY created_at DESC, id LIMIT :limit",
                new MapSqlParameterSource("watchlist", watchlistId).addValue("limit", limit), rs -> {
                    ObjectNode delivery = json.createObjectNode();
                    delivery.put("id", rs.getString("id"));
                    delivery.put("alertId", rs.getString("alert_id"));
                    delivery.put("url", rs.getString("url"));
                    String status = rs.getString("status");
                    delivery.put("status", status);
                    delivery.put("attempts", rs.getInt("attempts"));
                    delivery.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toString());
                    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
                    delivery.put("deliveredAt", delivered == null ? null : delivered.toString());
                    delivery.put("nextAttemptAt", "PENDING".equals(status)
                            ? rs.getObject("next_attempt_at", OffsetDateTime.class).toString() : null);
                    delivery.putArray("log");
                    deliveries.put(rs.getObject("id", UUID.class), delivery);
                });
        if (!deliveries.isEmpty()) {
            jdbc.query("SELECT delivery_id, attempt, at, http_status, error, duration_ms FROM watch.webhook_attempt"
                            + " WHERE delivery_id IN (:ids) ORDER BY delivery_id, attempt",
                    new MapSqlParameterSource("ids", deliveries.keySet()), rs -> {
                        ObjectNode attempt = ((ArrayNode) deliveries.get(rs.getObject("delivery_id", UUID.class))
                                .get("log")).addObject();
                        attempt.put("attempt", rs.getInt("attempt"));
                        attempt.put("at", rs.getObject("at", OffsetDateTime.class).toString());
                        int status = rs.getInt("http_status");
                        if (rs.wasNull()) {
                            attempt.putNull("httpStatus");
                        } else {
                            attempt.put("httpStatus", status);
                        }
                        attempt.put("error", rs.getString("error"));
                        attempt.put("durationMs", rs.getLong("duration_ms"));
                    });
        }
        ArrayNode answer = json.createArrayNode();
        deliveries.values().forEach(answer::add);
        return answer;
    }
}
