package org.dyad.views.projection;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.views.model.LoggedFact;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads records' events back from {@code views.event_log}, limited to what was recorded by a given instant. */
public class EventLog {

    private final ViewTables jdbc;

    public EventLog(ViewTables tables) {
        this.jdbc = tables;
    }

    /** Each record's facts in sequence order; {@code knownAt} {@code null} means everything recorded so far. */
    public Map<String, List<LoggedFact>> factsOf(Collection<String> aggregateIds, Instant knownAt) {
        Map<String, List<LoggedFact>> facts = new LinkedHashMap<>();
        if (aggregateIds.isEmpty()) {
            return facts;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", aggregateIds)
                .addValue("knownAt", knownAt == null ? null : Timestamp.from(knownAt));
        jdbc.query("""
                        SELECT event_id, aggregate_id, sequence, position, type, recorded_at, payload
                        FROM views.event_log
                        WHERE aggregate_id IN (:ids)
                          AND (CAST(:knownAt AS timestamptz) IS NULL OR recorded_at <= CAST(:knownAt AS timestamptz))
                        ORDER BY aggregate_id, sequence""", params, rs -> {
            String type = rs.getString("type");
            facts.computeIfAbsent(rs.getString("aggregate_id"), k -> new ArrayList<>()).add(new LoggedFact(
                    rs.getString("event_id"), rs.getString("aggregate_id"), rs.getLong("sequence"),
                    rs.getLong("position"), type, rs.getTimestamp("recorded_at").toInstant(),
                    read(type, rs.getString("payload"))));
        });
        return facts;
    }

    private static DyadEvent read(String type, String json) {
        Class<?> eventClass = EventCatalog.classOfName(type)
                .orElseThrow(() -> new IllegalStateException("unknown event in the log: " + type));
        try {
            return (DyadEvent) DyadJson.mapper().readValue(json, eventClass);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + type + " in the log: " + e.getMessage(), e);
        }
    }
}
