package org.dyad.views.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An actor's partners' shares per window of years, and how concentrated they are.
 * <ul>
 * <li>Windows are {@code period} years long and aligned as SIPRI's five-year periods are: a window starts in a year
 * divisible by the period (2015–2019, 2020–2024). The first and last windows are cut to the years asked about and
 * then say {@code partial}.</li>
 * <li>Each partner's share of the window's TIV delivered, of the deals ordered in it and of the units delivered in
 * it; shares are fractions (0–1) rounded to four decimals.</li>
 * <li>The Herfindahl–Hirschman index of the TIV shares: the sum of the squared shares in percent, 0–10,000
 * (10,000: a single partner); {@code null} in a window without TIV.</li>
 * <li>The trend compares the first and the last window with an index: a change of less than 100 points is
 * {@code steady}, as the US merger guidelines treat such a change as small.</li>
 * </ul>
 */
public final class Dependence {

    /** A change of the index smaller than this is steady. */
    static final int STEADY_WITHIN = 100;

    /** One partner's deliveries in one year (one tranche's share of it). */
    public record Delivered(String partner, int year, BigDecimal units, BigDecimal tiv, boolean spread, String via) {
    }

    /** A deal ordered from (or by) a partner in a year. */
    public record Ordered(String partner, int year) {
    }

    private static final class Figures {
        BigDecimal tiv = BigDecimal.ZERO;
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal spreadTiv = BigDecimal.ZERO;
        long deals;
        boolean inherited;
    }

    private Dependence() {
    }

    /** The first year of the window holding {@code year}. */
    public static int windowStart(int year, int period) {
        return year - Math.floorMod(year, period);
    }

    /** The windows from {@code from} to {@code to} (years, inclusive) with their partners, and the trend. */
    public static ObjectNode windows(List<Delivered> delivered, List<Ordered> ordered, int from, int to, int period) {
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        ArrayNode windows = answer.putArray("windows");
        Integer firstIndex = null;
        Integer lastIndex = null;
        String firstWindow = null;
        String lastWindow = null;
        for (int start = windowStart(from, period); start <= to; start += period) {
            int first = Math.max(start, from);
            int last = Math.min(start + period - 1, to);
            Map<String, Figures> partners = new TreeMap<>();
            for (Delivered d : delivered) {
                if (d.year() >= first && d.year() <= last) {
                    Figures f = partners.computeIfAbsent(d.partner(), p -> new Figures());
                    f.tiv = f.tiv.add(d.tiv() == null ? BigDecimal.ZERO : d.tiv());
                    f.units = f.units.add(d.units() == null ? BigDecimal.ZERO : d.units());
                    if (d.spread() && d.tiv() != null) {
                        f.spreadTiv = f.spreadTiv.add(d.tiv());
                    }
                    f.inherited |= d.via() != null;
                }
            }
            for (Ordered o : ordered) {
                if (o.year() >= first && o.year() <= last) {
                    partners.computeIfAbsent(o.partner(), p -> new Figures()).deals++;
                }
            }
            BigDecimal tiv = partners.values().stream().map(f -> f.tiv).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal units = partners.values().stream().map(f -> f.units).reduce(BigDecimal.ZERO, BigDecimal::add);
            long deals = partners.values().stream().mapToLong(f -> f.deals).sum();
            ObjectNode window = windows.addObject();
            window.put("from", first);
            window.put("to", last);
            window.put("partial", first != start || last != start + period - 1);
            window.put("tiv", round(tiv, 4));
            window.put("units", round(units, 4));
            window.put("deals", deals);
            Integer index = tiv.signum() == 0 ? null : hhi(partners.values().stream().map(f -> f.tiv).toList(), tiv);
            window.put("hhi", index);
            ArrayNode list = window.putArray("partners");
            partners.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Figures>, BigDecimal>comparing(e -> e.getValue().tiv)
                            .reversed().thenComparing(Map.Entry::getKey))
                    .forEach(e -> {
                        Figures f = e.getValue();
                        ObjectNode partner = list.addObject();
                        partner.put("partner", e.getKey());
                        partner.put("tiv", round(f.tiv, 4));
                        partner.put("tivShare", share(f.tiv, tiv));
                        partner.put("spreadTiv", round(f.spreadTiv, 4));
                        partner.put("deals", f.deals);
                        partner.put("dealShare", share(BigDecimal.valueOf(f.deals), BigDecimal.valueOf(deals)));
                        partner.put("units", round(f.units, 4));
                        partner.put("unitShare", share(f.units, units));
                        partner.put("inherited", f.inherited);
                    });
            if (index != null) {
                if (firstIndex == null) {
                    firstIndex = index;
                    firstWindow = first + "-" + last;
                }
                lastIndex = index;
                lastWindow = first + "-" + last;
            }
        }
        putTrend(answer, firstWindow, lastWindow, firstIndex, lastIndex);
        return answer;
    }

    /**
     * The index's change from the first window with TIV to the last: steady within {@link #STEADY_WITHIN} points,
     * else more or less concentrated; every field null when no window has TIV.
     */
    public static void putTrend(ObjectNode answer, String firstWindow, String lastWindow, Integer firstIndex,
                                Integer lastIndex) {
        ObjectNode trend = answer.putObject("trend");
        trend.put("fromWindow", firstWindow);
        trend.put("toWindow", lastWindow);
        trend.put("fromHhi", firstIndex);
        trend.put("toHhi", lastIndex);
        Integer change = firstIndex == null ? null : lastIndex - firstIndex;
        trend.put("change", change);
        trend.put("direction", change == null || firstWindow.equals(lastWindow) ? null
                : Math.abs(change) < STEADY_WITHIN ? "steady" : change > 0 ? "more concentrated"
                : "less concentrated");
    }

    /** The Herfindahl–Hirschman index of parts of a total: the sum of the squared shares in percent, rounded. */
    public static int hhi(List<BigDecimal> parts, BigDecimal total) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal part : parts) {
            BigDecimal percent = part.multiply(BigDecimal.valueOf(100)).divide(total, MathContext.DECIMAL64);
            sum = sum.add(percent.multiply(percent));
        }
        return sum.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? null : part.divide(total, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
