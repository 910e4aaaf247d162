package org.dyad.views.storage;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The views' tables, for tests that prove a storage guarantee (each event applied exactly once, topic positions
 * stored with the views, a rebuild yields identical tables, migrations of stored rows). Plain JDBC on the views'
 * schema, so that the tests depend on the stored layout in this one place; every other test reads the views through
 * the query API.
 */
public final class ViewStorage {

    /** The version of a record the views applied last, and the topic position it came from. */
    public record AppliedVersion(long version, long position) {
    }

    /** A deal's row: the version applied and how many estimates its document holds. */
    public record DealRow(long version, int estimates) {
    }

    /** Row counts that a duplicate delivery must leave unchanged. */
    public record RowCounts(long deals, long loggedEvents, long dealsCountedForPairs) {
    }

    /**
     * The columns whose values depend on when and in how many transactions the views were written, not on the events
     * (the time a row was written, the order the views received the events in, counters of commits); a rebuild
     * reproduces every other column of every table.
     */
    public static final Map<String, List<String>> NOT_REPRODUCED = Map.of(
            "applied_version", List.of("applied_at"),
            "applied_position", List.of("applied_at"),
            "event_log", List.of("seq"),
            "view_change", List.of("changes"),
            "actor_change", List.of("changes"),
            "dead_letter", List.of("id", "parked_at"));

    private final JdbcTemplate jdbc;

    public ViewStorage(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Every row of the views that a rebuild must reproduce, in one comparable, ordered list. */
    public List<Map<String, Object>> snapshot() {
        return jdbc.queryForList("""
                SELECT 'deal' AS kind, deal_id AS id, doc::text AS doc FROM views.deal
                UNION ALL SELECT 'deal values', deal_id, estimates::text || '/' || values_by_currency::text
                    FROM views.deal
                UNION ALL SELECT 'agreement', agreement_id, doc::text FROM views.agreement
                UNION ALL SELECT 'statement', statement_id, doc::text FROM views.statement
                UNION ALL SELECT 'pair', party_a || '-' || party_b, agreements || '/' || deals || '/' || statements
                    || '/' || coalesce(first_event_on::text, '') || '/' || coalesce(last_event_on::text, '')
                    FROM views.relationship
                UNION ALL SELECT 'applied', aggregate_id, version || '@' || position FROM views.applied_version
                UNION ALL SELECT 'log', event_id, aggregate_id || '/' || sequence || '/' || type || '/' || position
                    FROM views.event_log
                UNION ALL SELECT 'timeline', aggregate_id, parties::text || '/' || valid_dates::text
                    FROM views.record_timeline
                UNION ALL SELECT 'state', deal_id || '@' || coalesce(valid_from::text, ''), summary::text
                    || '/' || estimates::text FROM views.deal_state
                UNION ALL SELECT 'register release', release_id, doc::text || '/' || coalesce(known_from::text, '')
                    FROM views.register_release
                UNION ALL SELECT 'register listing', release_id || '/' || deal_id, kind || '/'
                    || coalesce(line::text, '') || '/' || row::text FROM views.register_listing
                ORDER BY 1, 2""");
    }

    /**
     * Every row of every table of the views' schema (or of another schema with the same tables), table by table,
     * each row as the text of its columns but those {@link #NOT_REPRODUCED}, in a fixed order.
     */
    public Map<String, List<String>> everyRow(String schema) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'", String.class, schema)) {
            List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                            + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position", String.class,
                    schema, table)
                    .stream().filter(c -> !NOT_REPRODUCED.getOrDefault(table, List.of()).contains(c)).toList();
            String row = String.join(" || '|' || ", columns.stream()
                    .map(c -> "coalesce(quote_literal(\"" + c + "\"::text), 'null')").toList());
            tables.put(table, jdbc.queryForList("SELECT " + row + " AS r FROM " + schema + ".\"" + table
                    + "\" ORDER BY 1", String.class));
        }
        return tables;
    }

    /** The definitions of the views' indexes, by index name. */
    public List<String> indexDefinitions() {
        return jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = 'views' ORDER BY indexname",
                String.class);
    }

    /** The names of the views' indexes. */
    public List<String> indexNames() {
        return jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'views' ORDER BY indexname",
                String.class);
    }

    /** The topic positions stored with the views: partition → next offset to read. */
    public Map<Integer, Long> appliedPositions() {
        Map<Integer, Long> positions = new TreeMap<>();
        jdbc.query("SELECT partition, next_offset FROM views.applied_position",
                rs -> {
                    positions.put(rs.getInt(1), rs.getLong(2));
                });
        return positions;
    }

    /** The version the views applied last of one record. */
    public AppliedVersion appliedVersion(String recordId) {
        return jdbc.queryForObject("SELECT version, position FROM views.applied_version WHERE aggregate_id = ?",
                (rs, row) -> new AppliedVersion(rs.getLong(1), rs.getLong(2)), recordId);
    }

    /** Sets the version the views hold as applied for one record, keeping its position. */
    public void setAppliedVersion(String recordId, long version) {
        jdbc.update("UPDATE views.applied_version SET version = ? WHERE aggregate_id = ?", version, recordId);
    }

    /** Sets the version the views hold as applied for one record, and its position. */
    public void setAppliedVersion(String recordId, AppliedVersion applied) {
        jdbc.update("UPDATE views.applied_version SET version = ?, position = ? WHERE aggregate_id = ?",
                applied.version(), applied.position(), recordId);
    }

    /** The last applied version of every record whose id starts with {@code prefix}: record id → version. */
    public Map<String, Long> appliedVersionsOfRecordsStartingWith(String prefix) {
        Map<String, Long> applied = new TreeMap<>();
        jdbc.query("SELECT aggregate_id, version FROM views.applied_version WHERE aggregate_id LIKE ?",
                rs -> {
                    applied.put(rs.getString(1), rs.getLong(2));
                }, likePrefix(prefix));
        return applied;
    }

    /** How many of the events of one record the views' event log holds. */
    public long loggedEventCount(String recordId) {
        return jdbc.queryForObject("SELECT count(*) FROM views.event_log WHERE aggregate_id = ?", Long.class,
                recordId);
    }

    /** The identifiers of the logged events of the records whose id starts with {@code prefix}. */
    public List<String> loggedEventIdsOfRecordsStartingWith(String prefix) {
        return jdbc.queryForList("SELECT event_id FROM views.event_log WHERE aggregate_id LIKE ?", String.class,
                likePrefix(prefix));
    }

    /** The deals whose id starts with {@code prefix}: deal id → its row's version and estimates. */
    public Map<String, DealRow> dealsStartingWith(String prefix) {
        Map<String, DealRow> deals = new TreeMap<>();
        jdbc.query("SELECT deal_id, version, json_array_length(doc->'estimates') FROM views.deal"
                        + " WHERE deal_id LIKE ?",
                rs -> {
                    deals.put(rs.getString(1), new DealRow(rs.getLong(2), rs.getInt(3)));
                }, likePrefix(prefix));
        return deals;
    }

    /** The deals between two actors, either way round, as rows of the deal table. */
    public long dealRowsBetween(String actor, String other) {
        return jdbc.queryForObject("SELECT count(*) FROM views.deal WHERE (supplier = ? AND recipient = ?)"
                + " OR (supplier = ? AND recipient = ?)", Long.class, actor, other, other, actor);
    }

    /** The deal count of every pair's relationship row: {@code <party a>-<party b>} (a before b) → deals. */
    public Map<String, Long> dealsCountedPerPair() {
        Map<String, Long> counted = new TreeMap<>();
        jdbc.query("SELECT party_a || '-' || party_b, deals FROM views.relationship",
                rs -> {
                    counted.put(rs.getString(1), rs.getLong(2));
                });
        return counted;
    }

    /** The rows a delivery adds: deals, logged events and deals counted over all pairs. */
    public RowCounts rowCounts() {
        return jdbc.queryForObject("""
                        SELECT (SELECT count(*) FROM views.deal),
                               (SELECT count(*) FROM views.event_log),
                               (SELECT coalesce(sum(deals), 0) FROM views.relationship)""",
                (rs, row) -> new RowCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** Bytes the deal, event log and applied-version tables take per deal, indexes included. */
    public long bytesPerDeal() {
        return jdbc.queryForObject("SELECT (pg_total_relation_size('views.deal')"
                + " + pg_total_relation_size('views.event_log') + pg_total_relation_size('views.applied_version'))"
                + " / greatest(count(*), 1) FROM views.deal", Long.class);
    }

    /** Removes a deal's states, as a store written before the views kept deal states holds it. */
    public void removeDealStates(String dealId) {
        jdbc.update("DELETE FROM views.deal_state WHERE deal_id = ?", dealId);
    }

    /** Sets the actors of a record's logged events as given, unsorted, as an earlier version of the views kept them. */
    public void setLoggedActors(String recordId, String... actors) {
        jdbc.update("UPDATE views.event_log SET parties = string_to_array(?, ',') WHERE aggregate_id = ?",
                String.join(",", actors), recordId);
    }

    /** The distinct actor lists ({@code A,B}) of a record's logged events. */
    public List<String> loggedActors(String recordId) {
        return jdbc.queryForList("SELECT DISTINCT array_to_string(parties, ',') FROM views.event_log"
                + " WHERE aggregate_id = ?", String.class, recordId);
    }

    /** Runs a migration script of the views on the views' schema, as Flyway would. */
    public void migrate(String script) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            String schema = connection.getSchema();
            connection.setSchema("views");
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
            } finally {
                connection.setSchema(schema);
            }
            return null;
        });
    }

    /** Parks a record among the dead letters, as the views do when they cannot apply it; answers its id. */
    public long parkDeadLetter(String topic, long offset, String key, String headersJson, byte[] value,
                               String reason) {
        return jdbc.queryForObject("""
                INSERT INTO views.dead_letter (topic, partition, record_offset, record_key, headers, value, reason)
                VALUES (?, 0, ?, ?, ?::jsonb, ?, ?) RETURNING id""", Long.class,
                topic, offset, key, headersJson, value, reason);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
