package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.math.BigDecimal;

/**
 * The deal filters of the exports, as {@code GET /api/v1/deals} applies them: the stored columns narrow the pages
 * (pair, category, designation), and each deal's document, as it stood at the times asked about, decides its status,
 * value and order year.
 */
final class DealSelection {

    private DealSelection() {
    }

    static void narrow(ExportFilter filter, StringBuilder where, MapSqlParameterSource params) {
        if (filter.supplier() != null) {
            where.append(" AND supplier = :supplier");
            params.addValue("supplier", filter.supplier());
        }
        if (filter.recipient() != null) {
            where.append(" AND recipient = :recipient");
            params.addValue("recipient", filter.recipient());
        }
        if (filter.category() != null) {
            where.append(" AND categories @> ARRAY[CAST(:category AS text)]");
            params.addValue("category", filter.category());
        }
        if (filter.designation() != null) {
            where.append(" AND designations LIKE :designation");
            params.addValue("designation", "%" + filter.designation().toLowerCase().replace("%", "\\%") + "%");
        }
    }

    static boolean matches(JsonNode deal, ExportFilter filter) {
        return matchesStatus(deal, filter.status()) && matchesValue(deal, filter) && matchesYears(deal, filter);
    }

    private static boolean matchesStatus(JsonNode deal, String status) {
        if (status == null || "ALL".equals(status)) {
            return true;
        }
        if ("PENDING".equals(status)) {
            String standing = deal.path("status").asText();
            return !"DELIVERED".equals(deal.path("stage").asText())
                    && ("ACTIVE".equals(standing) || "SUSPENDED".equals(standing));
        }
        return status.equals(deal.path("stage").asText()) || status.equals(deal.path("status").asText());
    }

    private static boolean matchesValue(JsonNode deal, ExportFilter filter) {
        if (filter.minValue() == null && filter.maxValue() == null) {
            return true;
        }
        JsonNode claim = DealFacts.latestClaim(deal, filter.currency());
        if (claim == null) {
            return false;
        }
        BigDecimal low = DealFacts.low(claim.path("estimate"));
        BigDecimal high = DealFacts.high(claim.path("estimate"));
        return (filter.minValue() == null || high != null && high.compareTo(filter.minValue()) >= 0)
                && (filter.maxValue() == null || low != null && low.compareTo(filter.maxValue()) <= 0);
    }

    /** {@code from} and {@code to} bound the deal's order year. */
    private static boolean matchesYears(JsonNode deal, ExportFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return true;
        }
        Integer year = DealFacts.orderYear(deal);
        return year != null && filter.inYears(year);
    }
}
