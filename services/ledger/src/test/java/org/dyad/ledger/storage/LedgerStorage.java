package org.dyad.ledger.storage;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger's tables, for tests that prove a storage guarantee (acknowledged writes survive a killed process or an
 * outage, a stored event of an earlier version still loads, every stored event is published). Plain JDBC on the
 * ledger's schema, so that the tests depend on the stored layout in this one place; every other test speaks to the
 * ledger through its API.
 */
public final class LedgerStorage {

    /** One stored event: the record it belongs to, its sequence number in that record and its identifier. */
    public record StoredEvent(String recordId, long sequence, String eventId) {
    }

    private final JdbcTemplate jdbc;

    public LedgerStorage(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** How many events the store holds for one record. */
    public long eventCount(String recordId) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, recordId);
    }

    /** How many intake drafts the ledger keeps. */
    public long intakeDraftCount() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger.intake_draft", Long.class);
    }

    /** How many idempotency keys starting with {@code prefix} the ledger keeps, for any principal. */
    public long idempotencyKeyCountStartingWith(String prefix) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger.idempotency_record WHERE key LIKE ?", Long.class,
                likePrefix(prefix));
    }

    /** How many events the store holds for the records whose id starts with {@code prefix}. */
    public long eventCountOfRecordsStartingWith(String prefix) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregate_identifier"
                + " LIKE ?", Long.class, likePrefix(prefix));
    }

    /** Every stored event of the records whose id starts with {@code prefix}. */
    public List<StoredEvent> eventsOfRecordsStartingWith(String prefix) {
        return jdbc.query("SELECT aggregate_identifier, sequence_number, event_identifier"
                        + " FROM ledger.domain_event_entry WHERE aggregate_identifier LIKE ?",
                (rs, row) -> new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3)), likePrefix(prefix));
    }

    /** The identifiers of every stored event. */
    public Set<String> eventIds() {
        return new HashSet<>(jdbc.queryForList("SELECT event_identifier FROM ledger.domain_event_entry",
                String.class));
    }

    /** The stored, serialized form of one event. */
    public String payload(String eventId) {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM ledger.domain_event_entry"
                + " WHERE event_identifier = ?", byte[].class, eventId);
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Writes an event straight into the store, past the aggregates, with empty metadata (as an earlier version of
     * Dyad would have stored it).
     *
     * @param recordType  the aggregate's type name, such as {@code Deal}
     * @param payloadType the event's class name as stored
     * @param payload     the serialized event
     * @param timestamp   when it was stored, ISO-8601
     */
    public void insert(String recordId, long sequence, String recordType, String eventId, String payloadType,
                       String payload, String timestamp) {
        jdbc.update("""
                        INSERT INTO ledger.domain_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""",
                recordId, sequence, recordType, eventId, "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), payloadType, timestamp);
    }

    /** The owners of an event processor's token segments (Axon's {@code <process id>@<host>}, null if unclaimed). */
    public List<String> tokenOwners(String processorName) {
        return jdbc.queryForList("SELECT owner FROM ledger.token_entry WHERE processor_name = ?", String.class,
                processorName);
    }

    /** Bytes the event store takes per stored event, indexes included. */
    public long bytesPerEvent() {
        return jdbc.queryForObject("SELECT pg_total_relation_size('ledger.domain_event_entry')"
                + " / greatest(count(*), 1) FROM ledger.domain_event_entry", Long.class);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
