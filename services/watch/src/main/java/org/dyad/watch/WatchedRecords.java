package org.dyad.watch;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the watchlists know of each record ({@code watch.watched_record}). */
@Component
class WatchedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    WatchedRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * These records as far as they are known, locked for the caller's transaction. Rows are locked in the order of
     * their ids, so two pollers (instances sharing the group during a rebalance) cannot deadlock on them.
     */
    Map<String, WatchedRecord> lock(Collection<String> recordIds) {
        Map<String, WatchedRecord> found = new HashMap<>();
        jdbc.query("SELECT * FROM watch.watched_record WHERE record_id = ANY (CAST(:ids AS text[]))"
                        + " ORDER BY record_id FOR UPDATE",
                new MapSqlParameterSource("ids", recordIds.toArray(String[]::new)), rs -> {
                    WatchedRecord record = new WatchedRecord(rs.getString("record_id"), rs.getString("kind"),
                            rs.getString("supplier"), rs.getString("recipient"), Alerts.texts(rs.getArray("actors")),
                            Alerts.texts(rs.getArray("designations")), Alerts.texts(rs.getArray("categories")),
                            rs.getString("stage"), rs.getString("status"), rs.getLong("last_sequence"));
                    found.put(record.recordId(), record);
                });
        return found;
    }

    /** Writes these records, each as its last event left it, in one batch. */
    void save(Collection<WatchedRecord> followed) {
        if (followed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO watch.watched_record (record_id, kind, supplier, recipient, actors, designations,
                    categories, stage, status, last_sequence)
                VALUES (:id, :kind, :supplier, :recipient, CAST(:actors AS text[]), CAST(:designations AS text[]),
                    CAST(:categories AS text[]), :stage, :status, :sequence)
                ON CONFLICT (record_id) DO UPDATE SET supplier = EXCLUDED.supplier, recipient = EXCLUDED.recipient,
                    actors = EXCLUDED.actors, designations = EXCLUDED.designations, categories = EXCLUDED.categories,
                    stage = EXCLUDED.stage, status = EXCLUDED.status, last_sequence = EXCLUDED.last_sequence""",
                followed.stream().map(record -> new MapSqlParameterSource("id", record.recordId())
                        .addValue("kind", record.kind())
                        .addValue("supplier", record.supplier()).addValue("recipient", record.recipient())
                        .addValue("actors", record.actors().toArray(String[]::new))
                        .addValue("designations", record.designations().toArray(String[]::new))
                        .addValue("categories", record.categories().toArray(String[]::new))
                        .addValue("stage", record.stage()).addValue("status", record.status())
                        .addValue("sequence", record.lastSequence())).toArray(MapSqlParameterSource[]::new));
    }
}
