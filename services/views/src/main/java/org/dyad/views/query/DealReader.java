package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;
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

    /** The deal's value in the asked currency (its latest estimate in it); deals without one sort last. */
    private static final String VALUE_IN_CURRENCY =
            "CAST(values_by_currency -> CAST(:currency AS text) ->> 'high' AS NUMERIC)";
    private static final Map<String, String> SORT_COLUMNS = Map.of("reportedOn", "reported_from",
            "value", VALUE_IN_CURRENCY, "supplier", "supplier", "recipient", "recipient", "stage", "stage");

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
        ObjectNode answer = ViewDocuments.page(deals.subList(from, Math.min(deals.size(), from + query.size())),
                query.page(), query.size(), deals.size());
        answer.set("estimateTotals", EstimateTotals.of(deals));
        answer.set("dealsNotTotalled", EstimateTotals.notTotalled(deals));
        return answer;
    }

    private ObjectNode present(FetchDeals query, StringBuilder where, MapSqlParameterSource params) {
        if ("PENDING".equals(query.status())) {
            where.append(" AND pending");
        } else if (!"ALL".equals(query.status())) {
            where.append(" AND (stage = :status OR status = :status)");
            params.addValue("status", query.status());
        }
        params.addValue("currency", query.currency());
        if (query.minValue() != null) {
            where.append(" AND ").append(VALUE_IN_CURRENCY).append(" >= :minValue");
            params.addValue("minValue", query.minValue());
        }
        if (query.maxValue() != null) {
            where.append(" AND CAST(values_by_currency -> CAST(:currency AS text) ->> 'low' AS NUMERIC) <= :maxValue");
            params.addValue("maxValue", query.maxValue());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM views.deal" + where, params, Long.class);
        EstimateTotals.Tally tally = new EstimateTotals.Tally();
        ObjectNode notTotalled = DyadJson.mapper().createObjectNode();
        jdbc.query("SELECT status, count(*) AS n FROM views.deal" + where + " GROUP BY status ORDER BY status", params,
                rs -> {
                    if (EstimateTotals.standing(rs.getString("status"))) {
                        tally.standingDeals(rs.getLong("n"));
                    } else {
                        notTotalled.put(rs.getString("status"), rs.getLong("n"));
                    }
                });
        // each standing deal's latest estimate in every currency and basis it has one in, grouped twice: by currency
        // and basis (the sums), and by currency (the deals with an estimate in it)
        jdbc.query("SELECT e ->> 'currency' AS currency, e ->> 'basis' AS basis, count(*) AS n,"
                + " count(DISTINCT deal_id) AS deals, sum(CAST(e ->> 'low' AS NUMERIC)) AS low,"
                + " sum(CAST(e ->> 'high' AS NUMERIC)) AS high FROM views.deal, jsonb_array_elements(estimates) AS e"
                + where + " AND status NOT IN ('CANCELLED', 'SUPERSEDED')"
                + " GROUP BY GROUPING SETS ((e ->> 'currency', e ->> 'basis'), (e ->> 'currency'))", params, rs -> {
                    if (rs.getString("basis") == null) {
                        tally.dealsWithEstimateIn(rs.getString("currency"), rs.getLong("deals"));
                    } else {
                        tally.add(rs.getString("currency"), rs.getString("basis"), rs.getLong("n"),
                                rs.getBigDecimal("low"), rs.getBigDecimal("high"));
                    }
                });
        String order = SORT_COLUMNS.getOrDefault(query.sort(), "reported_from") + (query.descending() ? " DESC" : " ASC")
                + " NULLS LAST, deal_id";
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<String> ids = jdbc.queryForList("SELECT deal_id FROM views.deal" + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset", params, String.class);
        ObjectNode answer = ViewDocuments.page(documents.compactDealSummaries(ids, null), query.page(), query.size(),
                total == null ? 0 : total);
        answer.set("estimateTotals", tally.toJson());
        answer.set("dealsNotTotalled", notTotalled);
        return answer;
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
        JsonNode estimate = EstimateTotals.latest(deal, query.currency());
        if (estimate == null) {
            return false;
        }
        return (query.minValue() == null || EstimateTotals.high(estimate).compareTo(query.minValue()) >= 0)
                && (query.maxValue() == null || EstimateTotals.low(estimate).compareTo(query.maxValue()) <= 0);
    }

    private static Comparator<JsonNode> comparator(FetchDeals query) {
        if ("value".equals(query.sort())) {
            // in the asked currency only; deals without a value in it last, whichever the direction
            Comparator<BigDecimal> values = query.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            return Comparator.<JsonNode, BigDecimal>comparing(d -> valueIn(d, query.currency()),
                    Comparator.nullsLast(values)).thenComparing(d -> d.path("dealId").asText());
        }
        Comparator<JsonNode> order = switch (query.sort()) {
            case "supplier", "recipient", "stage" -> Comparator.comparing(d -> d.path(query.sort()).asText());
            default -> Comparator.comparing(d -> d.path("reportedOn").asText().replace("~", ""));
        };
        if (query.descending()) {
            order = order.reversed();
        }
        return order.thenComparing(d -> d.path("dealId").asText());
    }

    /** A deal's value in a currency: the high end of its latest estimate in it, or {@code null}. */
    private static BigDecimal valueIn(JsonNode deal, String currency) {
        JsonNode estimate = EstimateTotals.latest(deal, currency);
        return estimate == null ? null : EstimateTotals.high(estimate);
    }
}
