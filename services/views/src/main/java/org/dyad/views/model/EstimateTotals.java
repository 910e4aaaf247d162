package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.TreeMap;
import java.util.Map;

/**
 * Sums, per currency and basis (in that order), the most recently recorded estimate of each deal. Ranges add their
 * ends; a single amount adds to both low and high. Currencies and bases are never mixed, and no exchange rate is assumed.
 */
public final class EstimateTotals {

    private EstimateTotals() {
    }

    public static ArrayNode of(Collection<? extends JsonNode> deals) {
        Map<String, ObjectNode> totals = new TreeMap<>();
        for (JsonNode deal : deals) {
            JsonNode estimate = latest(deal);
            if (estimate == null) {
                continue;
            }
            BigDecimal low = low(estimate);
            BigDecimal high = high(estimate);
            String currency = estimate.path("currency").asText();
            String basis = estimate.path("basis").asText();
            ObjectNode total = totals.computeIfAbsent(currency + "|" + basis, k -> {
                ObjectNode t = DyadJson.mapper().createObjectNode();
                t.put("currency", currency);
                t.put("basis", basis);
                t.put("deals", 0);
                t.put("low", BigDecimal.ZERO);
                t.put("high", BigDecimal.ZERO);
                return t;
            });
            total.put("deals", total.path("deals").asInt() + 1);
            total.put("low", total.path("low").decimalValue().add(low));
            total.put("high", total.path("high").decimalValue().add(high));
        }
        ArrayNode array = DyadJson.mapper().createArrayNode();
        totals.values().forEach(array::add);
        return array;
    }

    /** The most recently recorded of a deal document's latest estimates, or {@code null}. */
    public static JsonNode latest(JsonNode deal) {
        return latest(deal, null);
    }

    /**
     * The most recently recorded of a deal document's latest estimates in a currency (any when {@code null}), or
     * {@code null}; as {@code DealView.latestValue} and {@code latestTiv} choose for the stored columns.
     */
    public static JsonNode latest(JsonNode deal, String currency) {
        JsonNode latest = null;
        for (JsonNode claim : deal.path("latestEstimates")) {
            if (currency != null && !currency.equals(claim.path("estimate").path("currency").asText())) {
                continue;
            }
            if (latest == null || claim.path("provenance").path("recordedAt").asText()
                    .compareTo(latest.path("provenance").path("recordedAt").asText()) > 0) {
                latest = claim;
            }
        }
        return latest == null ? null : latest.path("estimate");
    }

    /** An estimate's low end: its range's, or its single amount. */
    public static BigDecimal low(JsonNode estimate) {
        return (estimate.hasNonNull("amount") ? estimate.path("amount") : estimate.path("low")).decimalValue();
    }

    /** An estimate's high end: its range's, or its single amount. */
    public static BigDecimal high(JsonNode estimate) {
        return (estimate.hasNonNull("amount") ? estimate.path("amount") : estimate.path("high")).decimalValue();
    }
}
