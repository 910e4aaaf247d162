package org.dyad.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table the benchmark prints: each figure's median and range, its ratio to a ceiling, its target. */
public final class ResultTable {

    /**
     * One figure.
     *
     * @param ratio  the median as a fraction of the ceiling's median, or null
     * @param target what the figure should be, e.g. "≤ 50 ms" or "≥ 50 %" (of the ceiling), or null
     * @param met    whether the target is met, or null without one
     */
    public record Row(String section, String metric, String unit, Stats stats, String ceiling, Double ratio,
                      String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Row add(String section, String metric, String unit, Stats stats) {
        return add(new Row(section, metric, unit, stats, null, null, null, null));
    }

    public Row add(Row row) {
        rows.add(row);
        return row;
    }

    /** A figure that must be at most {@code limit}. */
    public Row atMost(String section, String metric, String unit, Stats stats, double limit) {
        return add(new Row(section, metric, unit, stats, null, null, "≤ " + number(limit) + " " + unit,
                stats.median() <= limit));
    }

    /** A figure that must be at least {@code limit}. */
    public Row atLeast(String section, String metric, String unit, Stats stats, double limit) {
        return add(new Row(section, metric, unit, stats, null, null, "≥ " + number(limit) + " " + unit,
                stats.median() >= limit));
    }

    /** A rate set against a ceiling measured in the same run; {@code minRatio} (e.g. 0.5) is its target, if any. */
    public Row againstCeiling(String section, String metric, String unit, Stats stats, String ceilingName,
                              Stats ceiling, Double minRatio) {
        double ratio = ceiling.median() == 0 ? 0 : stats.median() / ceiling.median();
        return add(new Row(section, metric, unit, stats, ceilingName, ratio,
                minRatio == null ? null : "≥ " + number(minRatio * 100) + " % of ceiling",
                minRatio == null ? null : ratio >= minRatio));
    }

    /**
     * A figure set against the same figure of a ceiling measured in the same run (e.g. a latency against the HTTP
     * probe's): at most {@code maxRatio} times it, or without a target if {@code maxRatio} is null.
     */
    public Row timesCeiling(String section, String metric, String unit, Stats stats, String ceilingName,
                            Stats ceiling, Double maxRatio) {
        double ratio = ceiling.median() == 0 ? Double.NaN : stats.median() / ceiling.median();
        return add(new Row(section, metric, unit, stats, ceilingName, ratio,
                maxRatio == null ? null : "≤ " + number(maxRatio) + " × ceiling",
                maxRatio == null ? null : ratio <= maxRatio));
    }

    /** A fixed-width table for the console and target/. */
    public String text() {
        StringBuilder out = new StringBuilder();
        String format = "%-16s %-58s %12s %23s %-8s %-30s %-24s %s%n";
        out.append(String.format(Locale.ROOT, format, "section", "metric", "median", "range", "unit",
                "vs ceiling", "target", "met"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, format, r.section(), r.metric(), number(r.stats().median()),
                    range(r.stats()), r.unit(), ratio(r), r.target() == null ? "" : r.target(), verdict(r)));
        }
        return out.toString();
    }

    /** The same table in Markdown, for docs/performance.md. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| Section | Metric | Median | Range (min–max) | Unit | Ratio to ceiling | Target | Met |\n");
        out.append("|---|---|---:|---:|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.section()).append(" | ").append(r.metric()).append(" | ")
                    .append(number(r.stats().median())).append(" | ").append(range(r.stats())).append(" | ")
                    .append(r.unit()).append(" | ").append(ratio(r)).append(" | ")
                    .append(r.target() == null ? "" : r.target()).append(" | ").append(verdict(r)).append(" |\n");
        }
        return out.toString();
    }

    private static String range(Stats s) {
        return s.repetitions() == 1 ? "(1 run)" : number(s.min()) + "–" + number(s.max()) + " (" + s.repetitions()
                + " runs)";
    }

    private static String ratio(Row r) {
        if (r.ratio() == null) {
            return "";
        }
        return r.target() != null && r.target().endsWith("× ceiling") || r.unit().equals("ms")
                ? String.format(Locale.ROOT, "%.2f × %s", r.ratio(), r.ceiling())
                : String.format(Locale.ROOT, "%.1f %% of %s", r.ratio() * 100, r.ceiling());
    }

    private static String verdict(Row r) {
        return r.met() == null ? "" : r.met() ? "yes" : "NO";
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
