package org.dyad.watch;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The alerts in {@code watch.alert}: at most one per watchlist and event. */
@Component
public class Alerts {

    private static final String COLUMNS = "a.id, a.watchlist_id, w.name AS watchlist_name, a.owner, a.event_id,"
            + " a.event_type, a.record_id, a.record_kind, a.event_time, a.actors, a.summary, a.link, a.raised_at,"
            + " a.read_at";
    private static final String FROM = " FROM watch.alert a JOIN watch.watchlist w ON w.id = a.watchlist_id";

    private final NamedParameterJdbcTemplate jdbc;

    Alerts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the alert unless the watchlist already has one for the event; answers whether it was new. */
    boolean insert(Alert alert) {
        return jdbc.update("INSERT INTO watch.alert (id, watchlist_id, owner, event_id, event_type, record_id,"
                + " record_kind, event_time, actors, summary, link, raised_at) VALUES (:id, :watchlist, :owner,"
                + " :event, :type, :record, :kind, :time, CAST(:actors AS text[]), :summary, :link, :raised)"
                + " ON CONFLICT (watchlist_id, event_id) DO NOTHING", new MapSqlParameterSource("id", alert.id())
                .addValue("watchlist", alert.watchlistId()).addValue("owner", alert.owner())
                .addValue("event", alert.eventId()).addValue("type", alert.eventType())
                .addValue("record", alert.recordId()).addValue("kind", alert.recordKind())
                .addValue("time", alert.time()).addValue("actors", alert.actors().toArray(String[]::new))
                .addValue("summary", alert.summary()).addValue("link", alert.link())
                .addValue("raised", alert.raisedAt())) > 0;
    }

    /** A page of the owner's alerts, newest first. */
    List<Alert> page(String owner, boolean unreadOnly, int page, int size) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE a.owner = :owner"
                        + (unreadOnly ? " AND a.read_at IS NULL" : "")
                        + " ORDER BY a.raised_at DESC, a.id LIMIT :size OFFSET :offset",
                new MapSqlParameterSource("owner", owner).addValue("size", size)
                        .addValue("offset", (long) page * size), MAPPER);
    }

    long count(String owner, boolean unreadOnly) {
        return jdbc.queryForObject("SELECT count(*) FROM watch.alert WHERE owner = :owner"
                + (unreadOnly ? " AND read_at IS NULL" : ""), new MapSqlParameterSource("owner", owner), Long.class);
    }

    /** Marks the owner's alert read (once: the first time stays); empty when the owner has no such alert. */
    Optional<Alert> markRead(String owner, UUID id) {
        jdbc.update("UPDATE watch.alert SET read_at = coalesce(read_at, now()) WHERE id = :id AND owner = :owner",
                new MapSqlParameterSource("id", id).addValue("owner", owner));
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE a.id = :id AND a.owner = :owner",
                new MapSqlParameterSource("id", id).addValue("owner", owner), MAPPER).stream().findFirst();
    }

    /**
     * Up to {@code limit} alerts not yet published, oldest first, locked for the caller's transaction (another
     * instance's publisher skips them).
     */
    List<Alert> lockUnpublished(int limit) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE a.published_at IS NULL ORDER BY a.raised_at, a.id"
                + " LIMIT :limit FOR UPDATE OF a SKIP LOCKED", new MapSqlParameterSource("limit", limit), MAPPER);
    }

    void markPublished(Collection<UUID> ids) {
        jdbc.update("UPDATE watch.alert SET published_at = now() WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", ids));
    }

    static final RowMapper<Alert> MAPPER = (rs, n) -> new Alert(rs.getObject("id", UUID.class),
            rs.getObject("watchlist_id", UUID.class), rs.getString("watchlist_name"), rs.getString("owner"),
            rs.getString("event_id"), rs.getString("event_type"), rs.getString("record_id"),
            rs.getString("record_kind"), rs.getObject("event_time", OffsetDateTime.class),
            texts(rs.getArray("actors")), rs.getString("summary"), rs.getString("link"),
            rs.getObject("raised_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class));

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
