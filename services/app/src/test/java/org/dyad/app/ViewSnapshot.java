package org.dyad.app;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** Every row of the live views that a rebuild must reproduce, in one comparable, ordered list. */
final class ViewSnapshot {

    private ViewSnapshot() {
    }

    static List<Map<String, Object>> rows(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT 'deal' AS kind, deal_id AS id, doc::text AS doc FROM views.deal
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
                    FROM views.deal_state
                ORDER BY 1, 2""");
    }

    /** The views' stored topic positions: partition → next offset. */
    static Map<Integer, Long> positions(JdbcTemplate jdbc) {
        Map<Integer, Long> positions = new java.util.TreeMap<>();
        jdbc.query("SELECT partition, next_offset FROM views.applied_position", rs -> {
            positions.put(rs.getInt(1), rs.getLong(2));
        });
        return positions;
    }
}
