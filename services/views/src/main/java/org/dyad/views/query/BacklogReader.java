package org.dyad.views.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.model.Backlog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a supplier, a recipient or a pair has ordered and not yet received ({@link Backlog}), from the deals as they
 * stood on the date asked about and as known at the instant asked about.
 */
@Component
public class BacklogReader {

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    BacklogReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public ObjectNode fetch(FetchBacklog query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (query.supplier() != null) {
            where.append(" AND supplier = :supplier");
            params.addValue("supplier", query.supplier());
        }
        if (query.recipient() != null) {
            where.append(" AND recipient = :recipient");
            params.addValue("recipient", query.recipient());
        }
        if (query.knownAt() != null) {
            where.append(" AND deal_id IN (SELECT aggregate_id FROM views.event_log WHERE recorded_at <= :knownAt)");
            params.addValue("knownAt", Timestamp.from(query.knownAt()));
        }
        List<String> ids = jdbc.queryForList("SELECT deal_id FROM views.deal" + where
                + " ORDER BY reported_from, deal_id", params, String.class);
        LocalDate reference = query.asOf() == null ? LocalDate.now() : query.asOf();
        List<ObjectNode> entries = new ArrayList<>();
        TreeSet<String> named = new TreeSet<>();
        for (ObjectNode deal : documents.dealSummaries(ids, query.asOf(), query.knownAt())) {
            if (Backlog.ordered(deal)) {
                ObjectNode entry = Backlog.of(deal, reference);
                entries.add(entry);
                named.add(entry.path("supplier").asText());
                named.add(entry.path("recipient").asText());
            }
        }
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.put("supplier", query.supplier());
        answer.put("recipient", query.recipient());
        answer.put("asOf", query.asOf() == null ? null : query.asOf().toString());
        answer.put("knownAt", query.knownAt() == null ? null : query.knownAt().toString());
        answer.set("totals", Backlog.totals(entries));
        answer.set("deals", ViewDocuments.array(entries));
        if (query.supplier() != null) {
            named.add(query.supplier());
        }
        if (query.recipient() != null) {
            named.add(query.recipient());
        }
        answer.set("actorNames", DependenceReader.actorNames(named));
        return answer;
    }
}
