package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.model.DealSummary;
import org.dyad.views.model.NotificationAge;
import org.dyad.views.model.Sources;
import org.dyad.views.model.HistoryFolder;
import org.dyad.views.model.LoggedFact;
import org.dyad.views.projection.AgreementProjection;
import org.dyad.views.projection.DealProjection;
import org.dyad.views.projection.EmbargoProjection;
import org.dyad.views.projection.EventLog;
import org.dyad.views.projection.StatementProjection;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records as JSON documents. The present state comes from the stored documents; an answer "as of" a date or "as
 * known at" an instant folds the records' logged events again, keeping only facts valid by that date and recorded by
 * that instant (so a later correction or report is invisible).
 */
@Component
public class ViewDocuments {

    /** Most records an "as of" / "known at" answer folds; a wider question must be narrowed by its filters. */
    public static final int MAX_FOLDED = 5000;

    /** Deals' present states ({@code views.deal_state}: the span without an end), which hold their summaries. */
    private static final String STATES_NOW = """
            SELECT deal_id, summary FROM views.deal_state WHERE deal_id IN (:ids) AND valid_until IS NULL""";

    /** Deals' states on a date ({@code views.deal_state}: the span holding it). */
    private static final String STATES_AS_OF = """
            SELECT deal_id, summary FROM views.deal_state
            WHERE deal_id IN (:ids) AND (valid_from IS NULL OR valid_from <= :asOf)
              AND (valid_until IS NULL OR valid_until > :asOf)""";

    public enum Kind {
        DEAL("deal", "deal_id"), AGREEMENT("agreement", "agreement_id"), STATEMENT("statement", "statement_id"),
        EMBARGO("embargo", "embargo_id");

        final String table;
        final String idColumn;

        Kind(String table, String idColumn) {
            this.table = table;
            this.idColumn = idColumn;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EventLog eventLog;

    ViewDocuments(NamedParameterJdbcTemplate jdbc, EventLog eventLog) {
        this.jdbc = jdbc;
        this.eventLog = eventLog;
    }

    static boolean present(LocalDate asOf, Instant knownAt) {
        return asOf == null && knownAt == null;
    }

    /** The records with these ids, in the given order, as they stand (or stood) at the given times. */
    public List<ObjectNode> of(Kind kind, List<String> ids, LocalDate asOf, Instant knownAt) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> records = present(asOf, knownAt) ? stored(kind, ids)
                : folded(kind, ids, asOf, knownAt);
        if (kind != Kind.DEAL) {
            return records;
        }
        LocalDate reference = asOf == null ? LocalDate.now() : asOf;
        records.forEach(deal -> NotificationAge.addTo(deal, reference));
        return withSupersedes(records);
    }

    /**
     * Deals as {@link DealSummary summaries}, for lists and relationships: a history is most of a deal's size, and
     * it is fetched with the deal alone ({@code GET /api/v1/deals/{id}}).
     */
    public List<ObjectNode> dealSummaries(List<String> ids, LocalDate asOf, Instant knownAt) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> deals;
        if (knownAt == null) {
            deals = inOrder(storedSummaries(ids, asOf), ids);
            deals.forEach(Sources::inline);
        } else {
            deals = folded(Kind.DEAL, ids, asOf, knownAt);
            deals.forEach(DealSummary::of);
        }
        LocalDate reference = asOf == null ? LocalDate.now() : asOf;
        deals.forEach(deal -> NotificationAge.addTo(deal, reference));
        return withSupersedes(deals);
    }

    /**
     * A page of deals' summaries as stored, with what is known now (the present, or {@code asOf} a date), for an
     * answer that passes them on: each names its sources by id and keeps them in its {@link Sources#INDEX}, which
     * the answer gathers ({@link Sources#gather}).
     */
    public List<JsonNode> compactDealSummaries(List<String> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, String> byId = storedSummaries(ids, asOf);
        Map<String, String> inOrder = new LinkedHashMap<>();
        ids.stream().filter(byId::containsKey).forEach(id -> inOrder.put(id, byId.get(id)));
        return compactDealSummaries(inOrder, asOf);
    }

    /** The same, from stored summary texts already read (deal id → text, in the page's order). */
    public List<JsonNode> compactDealSummaries(Map<String, String> byId, LocalDate asOf) {
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> superseded = supersededBy(byId.keySet());
        LocalDate reference = asOf == null ? LocalDate.now() : asOf;
        return byId.keySet().stream().map(id -> {
            ObjectNode deal = (ObjectNode) readTree(byId.get(id));
            NotificationAge.addTo(deal, reference);
            deal.putPOJO("supersedes", superseded.getOrDefault(id, List.of()));
            return (JsonNode) deal;
        }).toList();
    }

    /** The records' stored documents, as they stand now. */
    private List<ObjectNode> stored(Kind kind, List<String> ids) {
        return inOrder(textsById("SELECT " + kind.idColumn + ", doc FROM views." + kind.table + " WHERE "
                + kind.idColumn + " IN (:ids)", Map.of("ids", ids)), ids);
    }

    /**
     * Deals' summary texts with what is known now, from their stored states ({@code views.deal_state}): the present
     * ones, or those holding {@code asOf}.
     */
    private Map<String, String> storedSummaries(List<String> ids, LocalDate asOf) {
        return asOf == null ? textsById(STATES_NOW, Map.of("ids", ids))
                : textsById(STATES_AS_OF, Map.of("ids", ids, "asOf", Date.valueOf(asOf)));
    }

    /** The texts parsed, in the order of {@code ids}; parsed after their query, once its connection is back. */
    private static List<ObjectNode> inOrder(Map<String, String> byId, List<String> ids) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(text -> (ObjectNode) readTree(text))
                .toList();
    }

    /** Runs a query answering (id, JSON text). */
    private Map<String, String> textsById(String sql, Map<String, ?> params) {
        Map<String, String> byId = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            byId.put(rs.getString(1), rs.getString(2));
        });
        return byId;
    }

    private List<ObjectNode> folded(Kind kind, List<String> ids, LocalDate asOf, Instant knownAt) {
        if (ids.size() > MAX_FOLDED) {
            throw ApiProblemException.badRequest("asOf", "an answer for another time covers at most " + MAX_FOLDED
                    + " records; this one matches " + ids.size() + " — narrow it (e.g. by supplier or recipient)");
        }
        LocalDate reference = asOf == null ? LocalDate.now() : asOf;
        Map<String, List<LoggedFact>> facts = eventLog.factsOf(ids, knownAt);
        List<ObjectNode> records = new ArrayList<>();
        for (String id : ids) {
            List<LoggedFact> recordFacts = facts.getOrDefault(id, List.of());
            if (recordFacts.isEmpty()) {
                continue;
            }
            long version = recordFacts.get(recordFacts.size() - 1).sequence();
            var history = HistoryFolder.history(recordFacts, asOf);
            Object record = switch (kind) {
                case DEAL -> DealProjection.fold(history, version, asOf);
                case AGREEMENT -> AgreementProjection.fold(history, version, reference, asOf);
                case STATEMENT -> StatementProjection.fold(history, version);
                case EMBARGO -> EmbargoProjection.fold(history, version);
            };
            if (record != null) {
                records.add(DyadJson.mapper().valueToTree(record));
            }
        }
        return records;
    }

    /** Links superseded deals both ways: each deal lists the deals it superseded. */
    private List<ObjectNode> withSupersedes(List<ObjectNode> deals) {
        if (deals.isEmpty()) {
            return deals;
        }
        Map<String, List<String>> superseded = supersededBy(deals.stream().map(d -> d.path("dealId").asText()).toList());
        deals.forEach(d -> d.putPOJO("supersedes", superseded.getOrDefault(d.path("dealId").asText(), List.of())));
        return deals;
    }

    /** The deals each of these deals superseded. */
    private Map<String, List<String>> supersededBy(Collection<String> dealIds) {
        Map<String, List<String>> superseded = new LinkedHashMap<>();
        if (dealIds.isEmpty()) {
            return superseded;
        }
        jdbc.query("SELECT superseded_by, deal_id FROM views.deal WHERE superseded_by IN (:ids) ORDER BY deal_id",
                Map.of("ids", dealIds), rs -> {
                    superseded.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return superseded;
    }

    static ArrayNode array(List<? extends JsonNode> nodes) {
        ArrayNode array = DyadJson.mapper().createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    static ObjectNode page(List<? extends JsonNode> items, int page, int size, long total) {
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.set("items", array(items));
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total);
        return answer;
    }

    public static JsonNode readTree(String json) {
        try {
            return DyadJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable view document: " + e.getMessage(), e);
        }
    }
}
