package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.views.model.EstimateTotals;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.dyad.views.query.ViewDocuments.Kind.DEAL;

/** Deals: one with its history, or a filtered, sorted page. */
@Component
public class DealReader {

    private static final Map<String, String> SORT_COLUMNS = Map.of("reportedOn", "reported_from",
            "value", "value_high", "supplier", "supplier", "recipient", "recipient", "stage", "stage");

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;

    DealReader(NamedParameterJdbcTemplate jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    public Optional<ObjectNode> fetch(FetchDeal query) {
        return documents.of(DEAL, List.of(query.dealId()), query.asOf(), query.knownAt()).stream().findFirst();
    }

    /** Deals between two actors in either direction, earliest report first. */
    public List<ObjectNode> between(String a, String b, FetchDeals times) {
        List<String> ids = jdbc.queryForList("""
                SELECT deal_id FROM views.deal
                WHERE (supplier = :a AND recipient = :b) OR (supplier = :b AND recipient = :a)
                ORDER BY reported_from, deal_id""", Map.of("a", a, "b", b), String.class);
        return documents.dealSummaries(ids, times.asOf(), times.knownAt());
    }

    public ObjectNode fetch(FetchDeals query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.supplier() != null) {
            where.append(" AND supplier = :supplier");
            params.addValue("supplier", query.supplier());
        }
        if (query.recipient() != null) {
            where.append(" AND recipient = :recipient");
            params.addValue("recipient", query.recipient());
        }
        if (query.category() != null) {
            where.append(" AND categories @> ARRAY[CAST(:category AS text)]");
            params.addValue("category", query.category());
        }
        if (query.designation() != null) {
            where.append(" AND designations LIKE :designation");
            params.addValue("designation", "%" + query.designation().toLowerCase().replace("%", "\\%") + "%");
        }
        if (ViewDocuments.present(query.asOf(), query.knownAt())) {
            return present(query, where, params);
        }
        // Another time: the stage, status and estimates may differ, so filter and sort after folding.
        List<String> ids = jdbc.queryForList("SELECT deal_id FROM views.deal" + where + " ORDER BY deal_id", params,
                String.class);
        List<ObjectNode> deals = documents.dealSummaries(ids, query.asOf(), query.knownAt()).stream()
                .filter(d -> matchesStatus(d, query.status()) && matchesValue(d, query))
                .sorted(comparator(query)).toList();
        int from = Math.min(deals.size(), query.page() * query.size());
        return ViewDocuments.page(deals.subList(from, Math.min(deals.size(), from + query.size())), query.page(),
                query.size(), deals.size());
    }

    private ObjectNode present(FetchDeals query, StringBuilder where, MapSqlParameterSource params) {
        if ("PENDING".equals(query.status())) {
            where.append(" AND pending");
        } else if (!"ALL".equals(query.status())) {
            where.append(" AND (stage = :status OR status = :status)");
            params.addValue("status", query.status());
        }
        if (query.minValue() != null || query.maxValue() != null) {
            where.append(" AND value_currency = :currency");
            params.addValue("currency", query.currency());
            if (query.minValue() != null) {
                where.append(" AND value_high >= :minValue");
                params.addValue("minValue", query.minValue());
            }
            if (query.maxValue() != null) {
                where.append(" AND value_low <= :maxValue");
                params.addValue("maxValue", query.maxValue());
            }
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM views.deal" + where, params, Long.class);
        String order = SORT_COLUMNS.getOrDefault(query.sort(), "reported_from") + (query.descending() ? " DESC" : " ASC")
                + " NULLS LAST, deal_id";
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<String> ids = jdbc.queryForList("SELECT deal_id FROM views.deal" + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset", params, String.class);
        return ViewDocuments.page(documents.dealSummaryTexts(ids, null), query.page(), query.size(),
                total == null ? 0 : total);
    }

    private static boolean matchesStatus(JsonNode deal, String status) {
        return switch (status) {
            case "ALL" -> true;
            case "PENDING" -> isPending(deal);
            default -> status.equals(deal.path("stage").asText()) || status.equals(deal.path("status").asText());
        };
    }

    /** Not yet fully delivered, and neither cancelled nor superseded (a suspended deal is still pending). */
    static boolean isPending(JsonNode deal) {
        String status = deal.path("status").asText();
        return !"DELIVERED".equals(deal.path("stage").asText())
                && ("ACTIVE".equals(status) || "SUSPENDED".equals(status));
    }

    private static boolean matchesValue(JsonNode deal, FetchDeals query) {
        if (query.minValue() == null && query.maxValue() == null) {
            return true;
        }
        JsonNode estimate = EstimateTotals.latest(deal);
        if (estimate == null || !query.currency().equals(estimate.path("currency").asText())) {
            return false;
        }
        return (query.minValue() == null || EstimateTotals.high(estimate).compareTo(query.minValue()) >= 0)
                && (query.maxValue() == null || EstimateTotals.low(estimate).compareTo(query.maxValue()) <= 0);
    }

    private static Comparator<JsonNode> comparator(FetchDeals query) {
        Comparator<JsonNode> order = switch (query.sort()) {
            case "value" -> Comparator.comparing(d -> {
                JsonNode e = EstimateTotals.latest(d);
                return e == null ? BigDecimal.ZERO : EstimateTotals.high(e);
            });
            case "supplier", "recipient", "stage" -> Comparator.comparing(d -> d.path(query.sort()).asText());
            default -> Comparator.comparing(d -> d.path("reportedOn").asText().replace("~", ""));
        };
        if (query.descending()) {
            order = order.reversed();
        }
        return order.thenComparing(d -> d.path("dealId").asText());
    }
}
