package org.dyad.views.query;

import org.dyad.contracts.common.Source;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The distinct sources behind each record, in the order they were recorded. */
final class SourceReader {

    private SourceReader() {
    }

    static Map<String, List<Source>> sourcesOf(NamedParameterJdbcTemplate jdbc, Collection<String> aggregateIds) {
        Map<String, List<Source>> sources = new LinkedHashMap<>();
        if (aggregateIds.isEmpty()) {
            return sources;
        }
        jdbc.query("""
                        SELECT DISTINCT ON (aggregate_id, source_key) aggregate_id, source, recorded_at
                        FROM views.record_source WHERE aggregate_id IN (:ids)
                        ORDER BY aggregate_id, source_key, recorded_at""",
                new MapSqlParameterSource("ids", aggregateIds),
                rs -> {
                    sources.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(Json.read(rs.getString(2), Source.class));
                });
        return sources;
    }
}
