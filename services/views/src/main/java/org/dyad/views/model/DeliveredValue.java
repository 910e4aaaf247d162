package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.PartialDate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deal's units and SIPRI trend-indicator value (TIV) by year of delivery, as SIPRI counts TIV: the units delivered
 * in a year times the TIV per unit.
 * <ul>
 * <li>The TIV per unit is the register row's {@code tivPerUnit} when the deal comes from SIPRI's register, else the
 * deal's latest TIV estimate (for the whole order) divided by the units ordered.</li>
 * <li>A delivery known only as a total over several years ({@code spreadOver}, as SIPRI's register writes "2017;
 * 2018; 2019") is spread evenly over those years, and each share is marked {@code spread}.</li>
 * <li>A deal completed without any delivery recorded counts its whole order in the year of completion, marked
 * {@code completion}.</li>
 * <li>A delivery whose units are not known, or a deal without a TIV per unit, adds units or TIV only where they are
 * known ({@code tiv} is {@code null} otherwise).</li>
 * </ul>
 * Every delivery counts, whatever became of the deal afterwards: units delivered before a cancellation or a
 * supersession were transferred.
 */
public final class DeliveredValue {

    /** Quotients (spread units, TIV per unit) keep this precision. */
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** How a year's share was found. */
    public enum Basis {
        /** A delivery dated in the year. */
        DELIVERED,
        /** An even share of a delivery known only as a total over several years. */
        SPREAD,
        /** The whole order, in the year the deal was completed without any delivery recorded. */
        COMPLETION
    }

    /**
     * A year's deliveries of one tranche.
     *
     * @param units the units delivered in the year, {@code null} when the source gives none
     * @param tiv   those units' TIV (millions), {@code null} when units or the TIV per unit are unknown
     */
    public record YearShare(int year, BigDecimal units, BigDecimal tiv, Basis basis) {
    }

    /**
     * A deal's deliveries valued.
     *
     * @param unitsOrdered   the units of its items, {@code null} when no item says how many
     * @param tivPerUnit     the TIV of one unit, {@code null} when unknown
     * @param unitsDelivered the units of its deliveries, spread or not ({@code 0} when none is known)
     * @param years          each delivery's share of each year, in the deal's delivery order
     */
    public record Deal(Integer unitsOrdered, BigDecimal tivPerUnit, BigDecimal unitsDelivered, List<YearShare> years) {
    }

    private DeliveredValue() {
    }

    /**
     * A deal document's (or summary's) deliveries valued.
     *
     * @param orderTiv the deal's latest TIV estimate for the whole order (its high end), {@code null} when none
     */
    public static Deal of(JsonNode deal, BigDecimal orderTiv) {
        Integer ordered = units(deal.path("items"));
        BigDecimal perUnit = tivPerUnit(deal, orderTiv, ordered);
        List<YearShare> years = new ArrayList<>();
        BigDecimal delivered = BigDecimal.ZERO;
        for (JsonNode tranche : deal.path("deliveries")) {
            Integer units = units(tranche.path("items"));
            Set<Integer> spreadOver = new LinkedHashSet<>();
            tranche.path("spreadOver").forEach(d -> spreadOver.add(PartialDate.parse(d.asText()).year()));
            if (units != null) {
                delivered = delivered.add(BigDecimal.valueOf(units));
            }
            if (spreadOver.size() > 1) {
                BigDecimal share = units == null ? null
                        : BigDecimal.valueOf(units).divide(BigDecimal.valueOf(spreadOver.size()), PRECISION);
                spreadOver.forEach(year -> years.add(new YearShare(year, share, times(share, perUnit),
                        Basis.SPREAD)));
            } else {
                int year = spreadOver.size() == 1 ? spreadOver.iterator().next()
                        : PartialDate.parse(tranche.path("deliveredOn").asText()).year();
                BigDecimal exact = units == null ? null : BigDecimal.valueOf(units);
                years.add(new YearShare(year, exact, times(exact, perUnit), Basis.DELIVERED));
            }
        }
        if (years.isEmpty() && "DELIVERED".equals(deal.path("stage").asText())
                && deal.path("deliveredOn").isTextual()) {
            int year = PartialDate.parse(deal.path("deliveredOn").asText()).year();
            BigDecimal units = ordered == null ? null : BigDecimal.valueOf(ordered);
            years.add(new YearShare(year, units, orderTiv != null ? orderTiv : times(units, perUnit),
                    Basis.COMPLETION));
            if (units != null) {
                delivered = units;
            }
        }
        return new Deal(ordered, perUnit, delivered, List.copyOf(years));
    }

    /** The register row's TIV per unit, else the order's TIV over its units; {@code null} when neither is known. */
    static BigDecimal tivPerUnit(JsonNode deal, BigDecimal orderTiv, Integer ordered) {
        JsonNode registered = deal.path("register").path("row").path("tivPerUnit");
        if (registered.isTextual()) {
            try {
                return new BigDecimal(registered.asText().trim());
            } catch (NumberFormatException unreadable) {
                // an unreadable cell falls back on the order's TIV
            }
        }
        if (orderTiv != null && ordered != null && ordered > 0) {
            return orderTiv.divide(BigDecimal.valueOf(ordered), PRECISION);
        }
        return null;
    }

    /** The sum of the items' quantities, {@code null} when none has one. */
    private static Integer units(JsonNode items) {
        Integer sum = null;
        for (JsonNode item : items) {
            if (item.path("quantity").canConvertToInt() && item.path("quantity").isNumber()) {
                sum = (sum == null ? 0 : sum) + item.path("quantity").asInt();
            }
        }
        return sum;
    }

    private static BigDecimal times(BigDecimal units, BigDecimal perUnit) {
        return units == null || perUnit == null ? null : units.multiply(perUnit, PRECISION);
    }
}
