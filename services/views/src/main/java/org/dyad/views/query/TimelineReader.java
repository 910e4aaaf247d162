package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.dyad.contracts.wire.DyadJson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every event that involves all the given actors, in valid-time order, with its source, and whether it was later
 * corrected or retracted (as known at the time asked about). Corrections and retractions themselves have no valid
 * time and show only as those marks.
 */
@Component
public class TimelineReader {

    private final NamedParameterJdbcTemplate jdbc;

    TimelineReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ObjectNode fetch(FetchTimeline query) {
        return fetch(query, false);
    }

    /** The last {@code size} entries of the timeline (still in valid-time order), with the total. */
    @Transactional(readOnly = true)
    public ObjectNode latest(FetchTimeline query) {
        return fetch(query, true);
    }

    private static JsonNode raw(String json) {
        return json == null ? NullNode.getInstance()
                : DyadJson.mapper().getNodeFactory().rawValueNode(new RawValue(json));
    }

    private ObjectNode fetch(FetchTimeline query, boolean latest) {
        // Actors differ widely in their number of events (one, or ten thousand), and so does the best plan for a
        // page. A plan cached for other actors read a dense pair's events through the actors' index for every page,
        // so the page is planned for the actors asked about.
        jdbc.getJdbcTemplate().execute("SET LOCAL plan_cache_mode = force_custom_plan");
        List<String> parties = query.parties().stream().distinct().sorted().toList();
        StringBuilder filters = new StringBuilder(" AND e.valid_from IS NOT NULL");
        MapSqlParameterSource params = new MapSqlParameterSource("parties", parties.toArray(String[]::new))
                .addValue("knownAt", query.knownAt() == null ? null : Timestamp.from(query.knownAt()));
        if (query.from() != null) {
            filters.append(" AND e.valid_from >= :from");
            params.addValue("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            filters.append(" AND e.valid_from <= :to");
            params.addValue("to", Date.valueOf(query.to()));
        }
        if (query.types() != null && !query.types().isEmpty()) {
            filters.append(" AND e.type IN (:types)");
            params.addValue("types", query.types());
        }
        filters.append(" AND (CAST(:knownAt AS timestamptz) IS NULL")
                .append(" OR e.recorded_at <= CAST(:knownAt AS timestamptz))");
        String where = " WHERE e.parties @> CAST(:parties AS text[])" + filters;
        // Filtered by actors and valid dates only, the total comes from the records' valid dates; otherwise it is
        // counted in the same pass that finds the page (apart, for a pair). The latest entries are taken from the end
        // and put back in valid-time order. The page's entries are then read in full.
        boolean byDatesOnly = (query.types() == null || query.types().isEmpty()) && query.knownAt() == null;
        long offset = latest ? 0 : (long) query.page() * query.size();
        params.addValue("limit", query.size()).addValue("offset", offset).addValue("reach", offset + query.size());
        String order = latest ? " DESC" : "";
        String sorted = " ORDER BY valid_from" + order + ", position" + order;
        long[] total = {-1};
        String page;
        if (parties.size() == 2) {
            // A pair's page is read in order from two indexes, not sorted from all of the pair's events (ten
            // thousand for a busy pair): records naming just the pair (their actors are stored sorted) from
            // event_log_by_pair, records naming more actors from the much smaller event_log_by_many_parties. Each
            // gives at most the rows the page reaches; the total is counted apart.
            page = "SELECT event_id, valid_from, position, -1 AS total FROM ("
                    + "(SELECT e.event_id, e.valid_from, e.position FROM views.event_log e"
                    + " WHERE e.parties = CAST(:parties AS text[]) AND cardinality(e.parties) = 2" + filters + sorted
                    + " LIMIT :reach) UNION ALL (SELECT e.event_id, e.valid_from, e.position FROM views.event_log e"
                    + " WHERE e.parties @> CAST(:parties AS text[]) AND cardinality(e.parties) > 2" + filters + sorted
                    + " LIMIT :reach)) m" + sorted + " LIMIT :limit OFFSET :offset";
        } else {
            page = "SELECT e.event_id, e.valid_from, e.position, " + (byDatesOnly ? "0" : "count(*) OVER ()")
                    + " AS total FROM views.event_log e" + where + sorted + " LIMIT :limit OFFSET :offset";
        }
        List<ObjectNode> entries = jdbc.query("WITH page AS (" + page + ")" + """
                SELECT p.total, e.event_id, e.type, e.aggregate_type, e.aggregate_id, e.valid_on, e.recorded_at,
                    e.payload -> 'provenance' AS provenance, e.payload - 'provenance' AS event, e.client,
                    e.correlation_id, e.draft_id,
                    EXISTS (SELECT 1 FROM views.event_log c WHERE c.aggregate_id = e.aggregate_id
                        AND c.type = 'RecordCorrected' AND c.payload ->> 'correctedEventId' = e.event_id
                        AND (CAST(:knownAt AS timestamptz) IS NULL OR c.recorded_at <= CAST(:knownAt AS timestamptz)))
                        AS corrected,
                    EXISTS (SELECT 1 FROM views.event_log r WHERE r.aggregate_id = e.aggregate_id
                        AND r.type = 'RecordRetracted' AND r.payload ->> 'retractedEventId' = e.event_id
                        AND (CAST(:knownAt AS timestamptz) IS NULL OR r.recorded_at <= CAST(:knownAt AS timestamptz)))
                        AS retracted
                FROM page p JOIN views.event_log e ON e.event_id = p.event_id
                ORDER BY p.valid_from%1$s, p.position%1$s""".formatted(order),
                params, (rs, n) -> {
                    total[0] = rs.getLong("total");
                    ObjectNode entry = LoggedEvents.entry(rs);
                    entry.put("corrected", rs.getBoolean("corrected"));
                    entry.put("retracted", rs.getBoolean("retracted"));
                    // split in the database; the event is passed on as text, the provenance read for its source,
                    // which the answer names once (Sources.gather)
                    entry.set("provenance", ViewDocuments.readTree(rs.getString("provenance")));
                    entry.set("event", raw(rs.getString("event")));
                    return entry;
                });
        if (byDatesOnly) {
            // the dates are sorted: width_bucket counts those on or before a date by binary search
            String counting = (query.to() == null ? "cardinality(valid_dates)" : "width_bucket(:to, valid_dates)")
                    + (query.from() == null ? "" : " - width_bucket(:dayBeforeFrom, valid_dates)");
            if (query.from() != null) {
                params.addValue("dayBeforeFrom", Date.valueOf(query.from().minusDays(1)));
            }
            Long counted = jdbc.queryForObject("SELECT coalesce(sum(" + counting + "), 0) FROM views.record_timeline"
                    + " WHERE parties @> CAST(:parties AS text[])", params, Long.class);
            total[0] = counted == null ? 0 : counted;
        } else if (total[0] < 0) {
            // a pair's page carries no total, and a page past the end has no row to carry it
            Long counted = jdbc.queryForObject("SELECT count(*) FROM views.event_log e" + where, params, Long.class);
            total[0] = counted == null ? 0 : counted;
        }
        if (latest) {
            entries = new ArrayList<>(entries);
            Collections.reverse(entries);
        }
        return ViewDocuments.page(entries, query.page(), query.size(), total[0]);
    }
}
