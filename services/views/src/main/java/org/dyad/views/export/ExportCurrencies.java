package org.dyad.views.export;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.TreeSet;

/**
 * The currencies the exports give columns to: TIV and USD always, and every other currency in which any deal's
 * event ever stated an estimate, in alphabetical order, so that a deal's latest estimate at any time asked about
 * has its column.
 */
@Component
class ExportCurrencies {

    private final JdbcTemplate jdbc;

    ExportCurrencies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> ofDeals() {
        TreeSet<String> others = new TreeSet<>(jdbc.queryForList("""
                SELECT DISTINCT c #>> '{}' FROM views.event_log, jsonb_path_query(payload, 'strict $.**.currency') c
                WHERE aggregate_type = 'deal' AND jsonb_typeof(c) = 'string'""", String.class));
        others.removeIf(c -> !c.matches("[A-Z]{3}") || "TIV".equals(c) || "USD".equals(c));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("TIV", "USD"), others.stream()).toList();
    }
}
