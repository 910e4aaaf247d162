package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.PartialDate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the exports read from a deal's document: units, years, latest estimates and dates with their precision. */
final class DealFacts {

    private DealFacts() {
    }

    /** The year SIPRI counts a deal as ordered: its contract's when it has one, else its first report's. */
    static Integer orderYear(JsonNode deal) {
        PartialDate ordered = date(deal.hasNonNull("contractedOn") ? deal.path("contractedOn")
                : deal.path("reportedOn"));
        return ordered == null ? null : ordered.year();
    }

    /** Units ordered, over all items; {@code null} when an item's quantity is unknown. */
    static Integer unitsOrdered(JsonNode deal) {
        int units = 0;
        for (JsonNode item : deal.path("items")) {
            if (!item.hasNonNull("quantity")) {
                return null;
            }
            units += item.path("quantity").asInt();
        }
        return units;
    }

    /** Units delivered in one tranche; {@code null} when a part's quantity is unknown. */
    static Integer unitsOf(JsonNode tranche) {
        int units = 0;
        for (JsonNode part : tranche.path("items")) {
            if (!part.hasNonNull("quantity")) {
                return null;
            }
            units += part.path("quantity").asInt();
        }
        return units;
    }

    /** Units delivered over all tranches; {@code null} when a tranche's quantity is unknown. */
    static Integer unitsDelivered(JsonNode deal) {
        int units = 0;
        for (JsonNode tranche : deal.path("deliveries")) {
            Integer part = unitsOf(tranche);
            if (part == null) {
                return null;
            }
            units += part;
        }
        return units;
    }

    /**
     * A tranche's units by delivery year. A tranche delivered over several years ({@code spreadOver}) has its units
     * divided evenly among those years, the remainder going one by one to the earliest years (10 units over 2019–2021
     * are 4, 3 and 3); a tranche with unknown units counts in its years with {@code null} units.
     */
    static Map<Integer, Integer> unitsByYear(JsonNode tranche) {
        List<Integer> years = new ArrayList<>();
        tranche.path("spreadOver").forEach(d -> years.add(date(d).year()));
        if (years.isEmpty()) {
            years.add(date(tranche.path("deliveredOn")).year());
        }
        List<Integer> distinct = years.stream().distinct().sorted().toList();
        Integer units = unitsOf(tranche);
        Map<Integer, Integer> byYear = new TreeMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byYear.put(distinct.get(i), units == null ? null
                    : units / distinct.size() + (i < units % distinct.size() ? 1 : 0));
        }
        return byYear;
    }

    /** The first and last year of delivery, or {@code null}s. */
    static int[] deliveryYears(JsonNode deal) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (JsonNode tranche : deal.path("deliveries")) {
            for (int year : unitsByYear(tranche).keySet()) {
                first = Math.min(first, year);
                last = Math.max(last, year);
            }
        }
        return first == Integer.MAX_VALUE ? null : new int[]{first, last};
    }

    /**
     * A deal's latest estimate claim in a currency: of its sources' latest estimates in it, the most recently
     * recorded (as the deal lists and totals choose); {@code null} when it has none.
     */
    static JsonNode latestClaim(JsonNode deal, String currency) {
        JsonNode latest = null;
        for (JsonNode claim : deal.path("latestEstimates")) {
            if (!currency.equals(claim.path("estimate").path("currency").asText())) {
                continue;
            }
            if (latest == null || claim.path("provenance").path("recordedAt").asText()
                    .compareTo(latest.path("provenance").path("recordedAt").asText()) > 0) {
                latest = claim;
            }
        }
        return latest;
    }

    static BigDecimal low(JsonNode estimate) {
        JsonNode low = estimate.hasNonNull("amount") ? estimate.path("amount") : estimate.path("low");
        return low.isNumber() ? low.decimalValue() : null;
    }

    static BigDecimal high(JsonNode estimate) {
        JsonNode high = estimate.hasNonNull("amount") ? estimate.path("amount") : estimate.path("high");
        return high.isNumber() ? high.decimalValue() : null;
    }

    /** A source as one text: "publisher: title". */
    static String source(JsonNode source) {
        if (source == null || source.isMissingNode() || source.isNull()) {
            return null;
        }
        return source.path("publisher").asText() + ": " + source.path("title").asText();
    }

    static PartialDate date(JsonNode text) {
        return text == null || !text.isTextual() ? null : PartialDate.parse(text.asText());
    }

    /** A partial date's precision: YEAR, MONTH or DAY. */
    static String precision(PartialDate date) {
        if (date == null) {
            return null;
        }
        return date.day() != null ? "DAY" : date.month() != null ? "MONTH" : "YEAR";
    }
}
