package org.dyad.views.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.actors.ActorKind;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.projection.EmbargoView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.dyad.views.query.ViewDocuments.Kind.EMBARGO;

/**
 * Embargoes and sanctions: one, a filtered page, or those in force between a pair. Each answer carries the
 * embargo's status on the date asked about (today for the present), worked out from its dates.
 */
@Component
public class EmbargoReader {

    /** Organisations whose embargoes bind their members: listed for a target's relations with any actor. */
    private static final List<String> ORGANISATIONS = ActorRegistry.standard().all().stream()
            .filter(a -> a.kind() == ActorKind.INTERNATIONAL_ORGANISATION).map(a -> a.code()).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    EmbargoReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<ObjectNode> fetch(String embargoId, LocalDate asOf, Instant knownAt) {
        return withStatus(documents.of(EMBARGO, List.of(embargoId), asOf, knownAt), asOf).stream().findFirst();
    }

    public ObjectNode fetch(FetchEmbargoes query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.actor() != null) {
            where.append(" AND embargo_id IN (SELECT embargo_id FROM views.embargo_actor WHERE actor = :actor");
            params.addValue("actor", query.actor());
            if (query.role() != null) {
                where.append(" AND role = :role");
                params.addValue("role", query.role());
            }
            where.append(")");
        }
        List<String> ids = jdbc.queryForList("SELECT embargo_id FROM views.embargo" + where
                + " ORDER BY from_date, embargo_id", params, String.class);
        List<ObjectNode> embargoes = withStatus(documents.of(EMBARGO, ids, query.asOf(), query.knownAt()),
                query.asOf()).stream()
                .filter(e -> query.status() == null || query.status().equals(e.path("status").asText()))
                .toList();
        int from = Math.min(embargoes.size(), query.page() * query.size());
        return ViewDocuments.page(embargoes.subList(from, Math.min(embargoes.size(), from + query.size())),
                query.page(), query.size(), embargoes.size());
    }

    /**
     * The embargoes that bind, or may bind, between a and b on {@code asOf} (today when absent): one of them is a
     * target and the other imposed it, or an international organisation imposed it (its measures bind its
     * members, whoever trades with the target). Earliest start first.
     */
    public List<ObjectNode> inForceBetween(String a, String b, LocalDate asOf, Instant knownAt) {
        List<String> ids = jdbc.queryForList("""
                SELECT e.embargo_id FROM views.embargo e
                JOIN views.embargo_actor t ON t.embargo_id = e.embargo_id AND t.role = 'TARGET'
                WHERE (t.actor = :a AND (e.imposed_by = :b OR e.imposed_by IN (:organisations)))
                   OR (t.actor = :b AND (e.imposed_by = :a OR e.imposed_by IN (:organisations)))
                GROUP BY e.embargo_id, e.from_date ORDER BY e.from_date, e.embargo_id""",
                Map.of("a", a, "b", b, "organisations", ORGANISATIONS), String.class);
        return withStatus(documents.of(EMBARGO, ids, asOf, knownAt), asOf).stream()
                .filter(e -> "IN_FORCE".equals(e.path("status").asText())
                        || "IN_FORCE".equals(e.path("possibly").asText()))
                .toList();
    }

    /** The embargoes with their status (and the status they may already have) on {@code asOf}, or today. */
    private static List<ObjectNode> withStatus(List<ObjectNode> embargoes, LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        return embargoes.stream().map(node -> {
            try {
                // the history is passed on as it is: its events are read back only by the fold
                JsonNode history = node.remove("history");
                EmbargoView embargo = DyadJson.mapper().treeToValue(node, EmbargoView.class);
                ObjectNode answer = DyadJson.mapper().valueToTree(embargo.on(date));
                answer.set("history", history);
                return answer;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable embargo document: " + e.getMessage(), e);
            }
        }).toList();
    }
}
