package org.dyad.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The watchlists in {@code watch.watchlist}, each readable and writable by its owner only. */
@Component
public class Watchlists {

    private static final String COLUMNS = "id, owner, name, criteria, webhook_url, created_at, updated_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    Watchlists(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Watchlist create(String owner, WatchlistRequest request, String secret) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO watch.watchlist (id, owner, name, criteria, webhook_url, webhook_secret, created_at,"
                + " updated_at) VALUES (:id, :owner, :name, CAST(:criteria AS jsonb), :url, :secret, :now, :now)",
                params(id, owner, request).addValue("secret", secret).addValue("now", now));
        return find(owner, id).orElseThrow();
    }

    /** Replaces the watchlist; answers it, or empty when the owner has no such watchlist. */
    Optional<Watchlist> replace(String owner, UUID id, WatchlistRequest request, String newSecret) {
        int changed = jdbc.update("UPDATE watch.watchlist SET name = :name, criteria = CAST(:criteria AS jsonb),"
                + " webhook_url = :url, webhook_secret = CASE WHEN CAST(:url AS text) IS NULL THEN NULL"
                + " ELSE coalesce(:secret, webhook_secret) END, updated_at = now()"
                + " WHERE id = :id AND owner = :owner", params(id, owner, request).addValue("secret", newSecret));
        return changed == 0 ? Optional.empty() : find(owner, id);
    }

    boolean delete(String owner, UUID id) {
        return jdbc.update("DELETE FROM watch.watchlist WHERE id = :id AND owner = :owner",
                new MapSqlParameterSource("id", id).addValue("owner", owner)) > 0;
    }

    Optional<Watchlist> find(String owner, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM watch.watchlist WHERE id = :id AND owner = :owner",
                new MapSqlParameterSource("id", id).addValue("owner", owner), mapper()).stream().findFirst();
    }

    List<Watchlist> of(String owner) {
        return jdbc.query("SELECT " + COLUMNS + " FROM watch.watchlist WHERE owner = :owner ORDER BY created_at, id",
                new MapSqlParameterSource("owner", owner), mapper());
    }

    /** Every user's watchlists, for matching. */
    List<Watchlist> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM watch.watchlist", mapper());
    }

    /** The secret a watchlist's webhook signs with, if it has a webhook. */
    Optional<String> secretOf(UUID id) {
        return jdbc.queryForList("SELECT webhook_secret FROM watch.watchlist WHERE id = :id",
                new MapSqlParameterSource("id", id), String.class).stream().filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private MapSqlParameterSource params(UUID id, String owner, WatchlistRequest request) {
        try {
            return new MapSqlParameterSource("id", id).addValue("owner", owner).addValue("name", request.name())
                    .addValue("criteria", json.writeValueAsString(request.criteria()))
                    .addValue("url", request.webhookUrl());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write criteria", e);
        }
    }

    private RowMapper<Watchlist> mapper() {
        return (rs, n) -> {
            try {
                return new Watchlist(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("name"),
                        json.readValue(rs.getString("criteria"), Criteria.class), rs.getString("webhook_url"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable criteria of watchlist " + rs.getString("id"), e);
            }
        };
    }
}
