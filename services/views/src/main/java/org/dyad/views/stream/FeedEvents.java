package org.dyad.views.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.views.query.LoggedEvents;
import org.dyad.views.query.ViewDocuments;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/** Reads the live feed's events from the views' event log, in the order the views received them ({@code seq}). */
final class FeedEvents {

    private final NamedParameterJdbcTemplate jdbc;

    FeedEvents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the last event received so far (0 when none). */
    long latest() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT coalesce(max(seq), 0) FROM views.event_log", Long.class);
    }

    /**
     * Up to {@code limit} events after {@code cursor} involving all {@code parties} and of one of {@code types} (any
     * when empty), each with its position in {@code seq}.
     */
    List<ObjectNode> after(long cursor, List<String> parties, List<String> types, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("cursor", cursor).addValue("limit", limit);
        StringBuilder where = new StringBuilder(" WHERE seq > :cursor");
        if (!parties.isEmpty()) {
            where.append(" AND parties @> CAST(:parties AS text[])");
            params.addValue("parties", parties.toArray(String[]::new));
        }
        if (!types.isEmpty()) {
            where.append(" AND type IN (:types)");
            params.addValue("types", types);
        }
        return jdbc.query("SELECT seq, event_id, type, aggregate_type, aggregate_id, valid_on, recorded_at,"
                + " client, correlation_id, draft_id, payload FROM views.event_log" + where + " ORDER BY seq LIMIT :limit",
                params, (rs, n) -> {
                    ObjectNode event = LoggedEvents.entry(rs);
                    event.put("seq", rs.getLong("seq"));
                    event.set("event", ViewDocuments.readTree(rs.getString("payload")));
                    return event;
                });
    }
}
