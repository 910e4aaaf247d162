package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.DyadJson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is ordered and not yet delivered.
 * <ul>
 * <li>A deal is in the backlog while it is ordered (contracted or delivering) and pending (active or suspended).</li>
 * <li>Its outstanding units are the units ordered minus the units delivered; its outstanding TIV those units times
 * its TIV per unit ({@link DeliveredValue}); a deal whose units are unknown and of which nothing was delivered owes
 * its whole TIV. Its estimates in other currencies are prorated by the units outstanding ({@code proRata}).</li>
 * <li>The year the outstanding units are expected comes from the deal's schedule ({@link ExpectedDelivery}): the
 * expectations stated last (on the latest {@code statedOn}) stand for the source's current schedule; in order of
 * {@code dueBy} each takes its quantity (all that is left when it has none) in the year of its {@code dueBy} (else
 * of its {@code dueFrom}). What
 * no expectation covers is kept apart as {@code unknownYear}. A due date given only as a year or a month, or as
 * approximate, is marked {@code imprecise}; one already past on the date asked about is marked {@code overdue}.</li>
 * </ul>
 */
public final class Backlog {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private Backlog() {
    }

    /** Whether a deal document is in the backlog: ordered, and neither delivered, cancelled nor superseded. */
    public static boolean ordered(JsonNode deal) {
        String stage = deal.path("stage").asText();
        String status = deal.path("status").asText();
        return ("CONTRACTED".equals(stage) || "DELIVERING".equals(stage))
                && ("ACTIVE".equals(status) || "SUSPENDED".equals(status));
    }

    /**
     * One deal's backlog.
     *
     * @param reference the date asked about (today for the present), for {@code overdue}
     */
    public static ObjectNode of(JsonNode deal, LocalDate reference) {
        JsonNode tivEstimate = EstimateTotals.latest(deal, EstimateTotals.TIV);
        BigDecimal orderTiv = tivEstimate == null ? null : EstimateTotals.high(tivEstimate);
        DeliveredValue.Deal valued = DeliveredValue.of(deal, orderTiv);
        BigDecimal ordered = valued.unitsOrdered() == null ? null : BigDecimal.valueOf(valued.unitsOrdered());
        BigDecimal delivered = valued.unitsDelivered();
        BigDecimal outstanding = ordered == null ? null : ordered.subtract(delivered).max(BigDecimal.ZERO);
        BigDecimal fraction = outstanding == null ? (delivered.signum() == 0 ? BigDecimal.ONE : null)
                : ordered.signum() == 0 ? null : outstanding.divide(ordered, PRECISION);
        BigDecimal tivOutstanding = outstanding != null && valued.tivPerUnit() != null
                ? outstanding.multiply(valued.tivPerUnit(), PRECISION)
                : fraction != null && orderTiv != null ? orderTiv.multiply(fraction, PRECISION) : null;

        ObjectNode entry = DyadJson.mapper().createObjectNode();
        entry.put("dealId", deal.path("dealId").asText());
        entry.put("supplier", deal.path("supplier").asText());
        entry.put("recipient", deal.path("recipient").asText());
        entry.put("stage", deal.path("stage").asText());
        entry.put("status", deal.path("status").asText());
        entry.set("orderedOn", deal.path("contractedOn").isTextual() ? deal.path("contractedOn")
                : deal.path("reportedOn"));
        entry.set("designations", designations(deal));
        entry.put("unitsOrdered", ordered);
        entry.put("unitsDelivered", round(delivered));
        entry.put("unitsOutstanding", outstanding == null ? null : round(outstanding));
        entry.put("tivPerUnit", valued.tivPerUnit() == null ? null : round(valued.tivPerUnit()));
        entry.put("tivOutstanding", tivOutstanding == null ? null : round(tivOutstanding));
        ArrayNode estimates = entry.putArray("estimatesOutstanding");
        for (JsonNode estimate : EstimateTotals.latestPerCurrencyAndBasis(deal).values()) {
            String currency = estimate.path("currency").asText();
            if (EstimateTotals.TIV.equals(currency) || fraction == null) {
                continue;
            }
            estimates.addObject().put("currency", currency).put("basis", estimate.path("basis").asText())
                    .put("low", round(EstimateTotals.low(estimate).multiply(fraction, PRECISION)))
                    .put("high", round(EstimateTotals.high(estimate).multiply(fraction, PRECISION)))
                    .put("proRata", fraction.compareTo(BigDecimal.ONE) != 0);
        }
        schedule(entry, deal, outstanding, valued.tivPerUnit(), tivOutstanding, reference);
        return entry;
    }

    /** Spreads the outstanding units over the years the deal's latest schedule expects them. */
    private static void schedule(ObjectNode entry, JsonNode deal, BigDecimal outstanding, BigDecimal perUnit,
                                 BigDecimal tivOutstanding, LocalDate reference) {
        List<JsonNode> latest = new ArrayList<>();
        PartialDate latestStatement = null;
        for (JsonNode expected : deal.path("expectedDeliveries")) {
            if (due(expected) == null || !expected.path("statedOn").isTextual()) {
                continue;
            }
            PartialDate statedOn = PartialDate.parse(expected.path("statedOn").asText());
            if (latestStatement == null || statedOn.compareTo(latestStatement) > 0) {
                latestStatement = statedOn;
                latest.clear();
            }
            if (statedOn.compareTo(latestStatement) == 0) {
                latest.add(expected);
            }
        }
        latest.sort(Comparator.comparing(Backlog::due));
        ArrayNode years = entry.putArray("expected");
        BigDecimal left = outstanding;
        boolean wholeTaken = false;
        for (JsonNode expected : latest) {
            if (wholeTaken || (left != null && left.signum() == 0)) {
                break;
            }
            PartialDate dueBy = due(expected);
            BigDecimal units = expected.path("quantity").isNumber()
                    ? BigDecimal.valueOf(expected.path("quantity").asInt()) : left;
            if (units != null && left != null) {
                units = units.min(left);
                left = left.subtract(units);
            }
            BigDecimal tiv = units != null && perUnit != null ? units.multiply(perUnit, PRECISION)
                    : units == null && !expected.path("quantity").isNumber() ? tivOutstanding : null;
            wholeTaken = !expected.path("quantity").isNumber();
            years.addObject().put("year", dueBy.year()).put("dueBy", dueBy.toString())
                    .put("units", units == null ? null : round(units)).put("tiv", tiv == null ? null : round(tiv))
                    .put("imprecise", dueBy.day() == null || dueBy.approximate())
                    .put("overdue", dueBy.latest().isBefore(reference));
        }
        ObjectNode unknown = entry.putObject("unknownYear");
        if (wholeTaken) {
            unknown.put("units", 0).put("tiv", 0);
        } else if (left != null) {
            unknown.put("units", round(left));
            unknown.put("tiv", perUnit == null ? null : round(left.multiply(perUnit, PRECISION)));
        } else {
            unknown.putNull("units");
            unknown.put("tiv", years.isEmpty() && tivOutstanding != null ? round(tivOutstanding) : null);
        }
    }

    /** When an expectation is due: by its {@code dueBy}, else from its {@code dueFrom}; {@code null} if neither. */
    private static PartialDate due(JsonNode expected) {
        JsonNode due = expected.path("dueBy").isTextual() ? expected.path("dueBy") : expected.path("dueFrom");
        return due.isTextual() ? PartialDate.parse(due.asText()) : null;
    }

    private static ArrayNode designations(JsonNode deal) {
        ArrayNode designations = DyadJson.mapper().createArrayNode();
        deal.path("items").forEach(item -> designations.add(item.path("designation").asText()));
        return designations;
    }

    /** The totals of deals' backlogs by supplier, by recipient and by expected year, "unknown year" apart. */
    public static ObjectNode totals(List<ObjectNode> entries) {
        Map<String, Sum> bySupplier = new TreeMap<>();
        Map<String, Sum> byRecipient = new TreeMap<>();
        Map<Integer, Sum> byYear = new TreeMap<>();
        Sum unknownYear = new Sum();
        Sum all = new Sum();
        for (ObjectNode entry : entries) {
            BigDecimal units = decimal(entry.path("unitsOutstanding"));
            BigDecimal tiv = decimal(entry.path("tivOutstanding"));
            all.add(units, tiv);
            bySupplier.computeIfAbsent(entry.path("supplier").asText(), k -> new Sum()).add(units, tiv);
            byRecipient.computeIfAbsent(entry.path("recipient").asText(), k -> new Sum()).add(units, tiv);
            for (JsonNode year : entry.path("expected")) {
                byYear.computeIfAbsent(year.path("year").asInt(), k -> new Sum())
                        .add(decimal(year.path("units")), decimal(year.path("tiv")));
            }
            JsonNode unknown = entry.path("unknownYear");
            if (decimal(unknown.path("units")) == null || decimal(unknown.path("units")).signum() > 0
                    || (decimal(unknown.path("tiv")) != null && decimal(unknown.path("tiv")).signum() > 0)) {
                unknownYear.add(decimal(unknown.path("units")), decimal(unknown.path("tiv")));
            }
        }
        ObjectNode totals = DyadJson.mapper().createObjectNode();
        totals.set("all", all.toJson());
        ObjectNode suppliers = totals.putObject("bySupplier");
        bySupplier.forEach((code, sum) -> suppliers.set(code, sum.toJson()));
        ObjectNode recipients = totals.putObject("byRecipient");
        byRecipient.forEach((code, sum) -> recipients.set(code, sum.toJson()));
        ArrayNode years = totals.putArray("byExpectedYear");
        byYear.forEach((year, sum) -> years.add(sum.toJson().put("year", year)));
        totals.set("unknownYear", unknownYear.toJson());
        return totals;
    }

    /** Deals, and the units and TIV of those that know them. */
    private static final class Sum {
        long deals;
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal tiv = BigDecimal.ZERO;
        long withoutUnits;
        long withoutTiv;

        void add(BigDecimal units, BigDecimal tiv) {
            deals++;
            if (units == null) {
                withoutUnits++;
            } else {
                this.units = this.units.add(units);
            }
            if (tiv == null) {
                withoutTiv++;
            } else {
                this.tiv = this.tiv.add(tiv);
            }
        }

        ObjectNode toJson() {
            return DyadJson.mapper().createObjectNode().put("deals", deals).put("units", round(units))
                    .put("tiv", round(tiv)).put("dealsWithoutUnits", withoutUnits).put("dealsWithoutTiv", withoutTiv);
        }
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : null;
    }

    static BigDecimal round(BigDecimal value) {
        BigDecimal rounded = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
