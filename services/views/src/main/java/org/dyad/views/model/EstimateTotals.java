package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of deals' values that can be quoted: per currency and basis, the sum of each standing deal's latest estimate
 * in that currency and basis.
 * <ul>
 * <li>A deal counts once in every currency and basis it has an estimate in (a USD and an INR estimate: both
 * totals).</li>
 * <li>Only standing deals count ({@code ACTIVE} or {@code SUSPENDED}): a superseded order is never added to the order
 * that replaced it, a cancelled deal is not a transfer, a retracted deal is not on record. The deals left out are
 * counted by status ({@link #notTotalled}).</li>
 * <li>Each total says how many deals it covers ({@code deals}) and how many standing deals have no estimate in its
 * currency ({@code dealsWithoutEstimate}).</li>
 * <li>SIPRI's trend-indicator value is its own {@code unit} ({@code TIV}, never {@code money}); no exchange rate is
 * assumed. Ranges add their ends; a single amount adds to both low and high.</li>
 * </ul>
 */
public final class EstimateTotals {

    /** The unit of SIPRI's trend-indicator values, as a currency and as a basis. */
    public static final String TIV = "TIV";

    private EstimateTotals() {
    }

    /**
     * Whether a deal counts in totals, by its status or its standing (its stage while active): unless it is cancelled
     * or superseded.
     */
    public static boolean standing(String statusOrStanding) {
        return !"CANCELLED".equals(statusOrStanding) && !"SUPERSEDED".equals(statusOrStanding);
    }

    /** The totals of deal documents (or summaries). */
    public static ArrayNode of(Collection<? extends JsonNode> deals) {
        Tally tally = new Tally();
        for (JsonNode deal : deals) {
            if (!standing(deal.path("status").asText())) {
                continue;
            }
            tally.standingDeals(1);
            Map<String, Integer> currencies = new TreeMap<>();
            for (JsonNode estimate : latestPerCurrencyAndBasis(deal).values()) {
                String currency = estimate.path("currency").asText();
                tally.add(currency, estimate.path("basis").asText(), 1, low(estimate), high(estimate));
                currencies.merge(currency, 1, Integer::sum);
            }
            currencies.keySet().forEach(currency -> tally.dealsWithEstimateIn(currency, 1));
        }
        return tally.toJson();
    }

    /** The deals left out of the totals, counted by status: {@code {"CANCELLED": 1, "SUPERSEDED": 2}}. */
    public static ObjectNode notTotalled(Collection<? extends JsonNode> deals) {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode deal : deals) {
            String status = deal.path("status").asText();
            if (!standing(status)) {
                counts.merge(status, 1L, Long::sum);
            }
        }
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        counts.forEach(answer::put);
        return answer;
    }

    /**
     * A deal's latest estimate in each currency and basis ({@code "USD|CURRENT"}): of its sources' latest estimates,
     * the most recently recorded.
     */
    public static Map<String, JsonNode> latestPerCurrencyAndBasis(JsonNode deal) {
        Map<String, JsonNode> latest = new TreeMap<>();
        Map<String, String> recordedAt = new LinkedHashMap<>();
        for (JsonNode claim : deal.path("latestEstimates")) {
            JsonNode estimate = claim.path("estimate");
            String key = estimate.path("currency").asText() + "|" + estimate.path("basis").asText();
            String at = claim.path("provenance").path("recordedAt").asText();
            if (!latest.containsKey(key) || at.compareTo(recordedAt.get(key)) > 0) {
                latest.put(key, estimate);
                recordedAt.put(key, at);
            }
        }
        return latest;
    }

    /**
     * A deal's value in each currency, for currency-scoped sorts and filters:
     * {@code {"USD": {"low": …, "high": …}}}, from its latest estimate in that currency
     * ({@link #latest(JsonNode, String)}).
     */
    public static ObjectNode valuesByCurrency(JsonNode deal) {
        ObjectNode values = DyadJson.mapper().createObjectNode();
        for (JsonNode estimate : latestPerCurrencyAndBasis(deal).values()) {
            String currency = estimate.path("currency").asText();
            if (!values.has(currency)) {
                JsonNode latest = latest(deal, currency);
                values.putObject(currency).put("low", low(latest)).put("high", high(latest));
            }
        }
        return values;
    }

    /**
     * A deal's latest estimates per currency and basis as stored for totals: {@code [{"currency", "basis", "low",
     * "high"}]}.
     */
    public static ArrayNode estimateColumns(JsonNode deal) {
        ArrayNode estimates = DyadJson.mapper().createArrayNode();
        for (JsonNode estimate : latestPerCurrencyAndBasis(deal).values()) {
            estimates.addObject().put("currency", estimate.path("currency").asText())
                    .put("basis", estimate.path("basis").asText())
                    .put("low", low(estimate)).put("high", high(estimate));
        }
        return estimates;
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

    /** TIV when the currency or the basis is SIPRI's trend-indicator value, else money. */
    public static String unit(String currency, String basis) {
        return TIV.equals(currency) || TIV.equals(basis) ? TIV : "money";
    }

    /**
     * Totals being counted, from folded documents or from stored rows; both answer the same JSON: money first, by
     * currency and basis, then TIV.
     */
    public static final class Tally {

        private record Sum(long deals, BigDecimal low, BigDecimal high) {
        }

        private final Map<String, Sum> sums = new TreeMap<>(Comparator
                .comparing((String key) -> unit(key.split("\\|", -1)[0], key.split("\\|", -1)[1]).equals(TIV))
                .thenComparing(Comparator.naturalOrder()));
        private final Map<String, Long> dealsWithEstimate = new TreeMap<>();
        private long standingDeals;

        /** Counts standing deals, with or without estimates. */
        public void standingDeals(long deals) {
            standingDeals += deals;
        }

        /** Adds deals' latest estimates in a currency and basis. */
        public void add(String currency, String basis, long deals, BigDecimal low, BigDecimal high) {
            sums.merge(currency + "|" + basis, new Sum(deals, low, high),
                    (a, b) -> new Sum(a.deals + b.deals, a.low.add(b.low), a.high.add(b.high)));
        }

        /** Counts standing deals with at least one estimate in a currency (in any basis). */
        public void dealsWithEstimateIn(String currency, long deals) {
            dealsWithEstimate.merge(currency, deals, Long::sum);
        }

        public ArrayNode toJson() {
            ArrayNode totals = DyadJson.mapper().createArrayNode();
            sums.forEach((key, sum) -> {
                String[] parts = key.split("\\|", -1);
                ObjectNode total = totals.addObject();
                total.put("currency", parts[0]);
                total.put("basis", parts[1]);
                total.put("unit", unit(parts[0], parts[1]));
                total.put("deals", sum.deals);
                total.put("dealsWithoutEstimate", standingDeals - dealsWithEstimate.getOrDefault(parts[0], 0L));
                total.put("low", sum.low);
                total.put("high", sum.high);
            });
            return totals;
        }
    }
}
