package org.dyad.views.export;

import org.dyad.contracts.common.PartialDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The events export: the full history with its provenance, one row per event in the order the views received them,
 * read a page at a time by that order. {@code supplier} and {@code recipient} keep the events of the deals between
 * them; {@code from} and {@code to} keep events whose valid time falls in those years; {@code knownAt} keeps events
 * recorded by then.
 */
@Component
public class EventExport {

    static final List<TidyColumn> COLUMNS = List.of(TidyColumn.text("event_id"), TidyColumn.integer("position"),
            TidyColumn.text("record_type"), TidyColumn.text("record_id"), TidyColumn.integer("sequence"),
            TidyColumn.text("type"), TidyColumn.text("valid_on"), TidyColumn.text("valid_on_precision"),
            TidyColumn.bool("valid_on_approximate"), TidyColumn.date("valid_from"),
            TidyColumn.timestamp("recorded_at"), TidyColumn.text("source_publisher"),
            TidyColumn.text("source_title"), TidyColumn.text("source_url"), TidyColumn.text("source_published_on"),
            TidyColumn.text("grade"), TidyColumn.text("recorded_by"), TidyColumn.text("client"),
            TidyColumn.text("correlation_id"), TidyColumn.text("draft_id"), TidyColumn.text("fields"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ExportSettings settings;

    EventExport(NamedParameterJdbcTemplate jdbc, ExportSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public void write(ExportFilter filter, TidyFormat format, OutputStream out) throws IOException {
        TidyRowWriter rows = TidyRowWriter.open(format, COLUMNS, out, settings.rowGroupBytes());
        StringBuilder sql = new StringBuilder("""
                SELECT seq, event_id, position, aggregate_type, aggregate_id, sequence, type, valid_on, valid_from,
                       recorded_at, payload #>> '{provenance,source,publisher}' AS publisher,
                       payload #>> '{provenance,source,title}' AS title, payload #>> '{provenance,source,url}' AS url,
                       payload #>> '{provenance,source,publishedOn}' AS published_on,
                       payload #>> '{provenance,grade}' AS grade, payload #>> '{provenance,recordedBy}' AS recorded_by,
                       client, correlation_id, draft_id, payload
                FROM views.event_log WHERE seq > :after""");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", settings.pageSize());
        if (filter.supplier() != null || filter.recipient() != null) {
            sql.append(" AND aggregate_id IN (SELECT deal_id FROM views.deal WHERE TRUE");
            DealSelection.narrow(ExportFilter.of(filter.supplier(), filter.recipient(), null, null, null, null), sql,
                    params);
            sql.append(")");
        }
        if (filter.from() != null) {
            sql.append(" AND valid_from >= :fromDate");
            params.addValue("fromDate", Date.valueOf(filter.from() + "-01-01"));
        }
        if (filter.to() != null) {
            sql.append(" AND valid_from < :untilDate");
            params.addValue("untilDate", Date.valueOf((filter.to() + 1) + "-01-01"));
        }
        if (filter.knownAt() != null) {
            sql.append(" AND recorded_at <= :knownAt");
            params.addValue("knownAt", Timestamp.from(filter.knownAt()));
        }
        sql.append(" ORDER BY seq LIMIT :limit");
        long[] after = {0};
        while (true) {
            params.addValue("after", after[0]);
            List<Object[]> page = new ArrayList<>();
            jdbc.query(sql.toString(), params, rs -> {
                after[0] = rs.getLong("seq");
                PartialDate validOn = rs.getString("valid_on") == null ? null
                        : PartialDate.parse(rs.getString("valid_on"));
                Date validFrom = rs.getDate("valid_from");
                page.add(new Object[]{rs.getString("event_id"), rs.getLong("position"),
                        rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence"),
                        rs.getString("type"), validOn == null ? null : validOn.toString(),
                        DealFacts.precision(validOn), validOn == null ? null : validOn.approximate(),
                        validFrom == null ? null : validFrom.toLocalDate(),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("publisher"),
                        rs.getString("title"), rs.getString("url"), rs.getString("published_on"),
                        rs.getString("grade"), rs.getString("recorded_by"), rs.getString("client"),
                        rs.getString("correlation_id"), rs.getString("draft_id"), rs.getString("payload")});
            });
            if (page.isEmpty()) {
                break;
            }
            try {
                for (Object[] row : page) {
                    rows.write(row);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            rows.flush();
            out.flush();
        }
        rows.finish();
        out.flush();
    }
}
