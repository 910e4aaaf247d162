package org.dyad.views.projection;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The view tables of one schema. Statements are written against schema {@code views}; a rebuild projects the same
 * statements into a fresh schema, which then takes the place of {@code views}.
 */
public final class ViewTables {

    public static final String LIVE = "views";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String schema;

    public ViewTables(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** The statement for this schema. */
    public String sql(String statement) {
        return LIVE.equals(schema) ? statement : statement.replace(LIVE + ".", schema + ".");
    }

    /**
     * Until the current transaction ends, no other read instance writes these tables. Batches then commit in the
     * order they take the event log's sequence numbers (so the live feed's cursor never passes an event committed
     * later), and a pair's counts are never updated from two uncommitted batches at once.
     */
    public void lockForWriting() {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "dyad-views-apply:" + schema);
    }

    public int update(String statement, Object... args) {
        return jdbc.update(sql(statement), args);
    }

    /** One statement for many rows, sent to the database as one batch. */
    public void batchUpdate(String statement, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql(statement), rows);
        }
    }

    /** Appends the rows with {@code COPY … FROM STDIN}, on the current transaction's connection. */
    void copy(CopyRows rows) {
        if (rows.rows() == 0) {
            return;
        }
        String statement = sql(rows.target().statement());
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, rows.stream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public <T> List<T> queryForList(String statement, Class<T> type, Object... args) {
        return jdbc.queryForList(sql(statement), type, args);
    }

    public <T> T queryForObject(String statement, Class<T> type, Object... args) {
        return jdbc.queryForObject(sql(statement), type, args);
    }

    public void query(String statement, SqlParameterSource params, RowCallbackHandler rows) {
        named.query(sql(statement), params, rows);
    }

    public <T> List<T> queryForList(String statement, Map<String, ?> params, Class<T> type) {
        return named.queryForList(sql(statement), params, type);
    }

    public Array textArray(Collection<String> values) {
        return jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text", values.toArray()));
    }

    public Array dateArray(Collection<LocalDate> values) {
        return jdbc.execute((java.sql.Connection c) -> c.createArrayOf("date",
                values.stream().map(Date::valueOf).toArray()));
    }
}
