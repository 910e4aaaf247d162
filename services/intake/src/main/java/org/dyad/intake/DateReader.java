package org.dyad.intake;

import org.dyad.contracts.common.PartialDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of a text as {@link PartialDate}s: written dates ("April 10, 2020", "12 March 2001", "March
 * 2001", "in 1995") and dates relative to the publication ("on Monday" is the last Monday on or before it,
 * "yesterday", "last year", "next month", "several months ago", which is approximate).
 */
final class DateReader {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
    private static final String DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTHS + ") (\\d{1,2}),? (\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS + ") (\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(" + MONTHS + ") (\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![$€£\\d.,-])\\b(?:(in|since|by|during) )?((?:19|20)\\d{2})\\b(?![-\\d]|\\s*(?:million|billion|\\]))");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(on|last|this|next) )?(" + DAYS + ")\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(yesterday|today|last year|this year|next year"
            + "|last month|this month|next month|last week|this week|next week"
            + "|(?:several|a few|some|(?:" + NumberWords.WORDS + ")|\\d+) (?:months|weeks|years) ago|a (?:month|week|year) ago)\\b");
    private static final Pattern MONTH_ONLY = Pattern.compile("\\b(?:in|on|by|early|late|mid-?) (?:early |late )?(" + MONTHS + ")\\b(?! \\d)");

    private DateReader() {
    }

    /** Every date in {@code [from, to)}, in order; {@code published} resolves relative ones (none without it). */
    static List<Mention<String>> find(String text, int from, int to, LocalDate published) {
        List<Mention<String>> found = new ArrayList<>();
        boolean[] taken = new boolean[to - from];
        Matcher m = MONTH_DAY_YEAR.matcher(text).region(from, to);
        while (m.find()) {
            add(found, taken, from, m, full(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))), 0.95, "written date");
        }
        m = DAY_MONTH_YEAR.matcher(text).region(from, to);
        while (m.find()) {
            add(found, taken, from, m, full(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))), 0.95, "written date");
        }
        m = ISO.matcher(text).region(from, to);
        while (m.find()) {
            add(found, taken, from, m, full(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), 0.95, "written date");
        }
        m = MONTH_YEAR.matcher(text).region(from, to);
        while (m.find()) {
            add(found, taken, from, m, String.format("%s-%02d", m.group(2), month(m.group(1))), 0.9, "written month");
        }
        m = YEAR.matcher(text).region(from, to);
        while (m.find()) {
            add(found, taken, from, m, m.group(2), m.group(1) != null ? 0.9 : 0.6, "written year");
        }
        if (published != null) {
            m = WEEKDAY.matcher(text).region(from, to);
            while (m.find()) {
                DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
                LocalDate date = published;
                String when = m.group(1) == null ? "on" : m.group(1);
                if (when.equals("next")) {
                    date = date.plusDays(1);
                    while (date.getDayOfWeek() != day) {
                        date = date.plusDays(1);
                    }
                } else {
                    while (date.getDayOfWeek() != day) {
                        date = date.minusDays(1);
                    }
                }
                add(found, taken, from, m, PartialDate.of(date).toString(), 0.85,
                        "weekday before the publication date " + published);
            }
            m = RELATIVE.matcher(text).region(from, to);
            while (m.find()) {
                String value = relative(m.group(1).toLowerCase(Locale.ROOT), published);
                if (value != null) {
                    add(found, taken, from, m, value, value.startsWith("~") ? 0.5 : 0.8,
                            "relative to the publication date " + published);
                }
            }
            m = MONTH_ONLY.matcher(text).region(from, to);
            while (m.find()) {
                int month = month(m.group(1));
                int year = month > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
                add(found, taken, from, m, String.format("%d-%02d", year, month), 0.6,
                        "month without a year: the last one on or before the publication date");
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    private static String relative(String words, LocalDate published) {
        YearMonth month = YearMonth.from(published);
        return switch (words) {
            case "yesterday" -> PartialDate.of(published.minusDays(1)).toString();
            case "today" -> PartialDate.of(published).toString();
            case "last year" -> String.valueOf(published.getYear() - 1);
            case "this year" -> String.valueOf(published.getYear());
            case "next year" -> String.valueOf(published.getYear() + 1);
            case "last month" -> month.minusMonths(1).toString();
            case "this month" -> month.toString();
            case "next month" -> month.plusMonths(1).toString();
            case "last week" -> "~" + YearMonth.from(published.minusWeeks(1));
            case "this week" -> "~" + month;
            case "next week" -> "~" + YearMonth.from(published.plusWeeks(1));
            default -> ago(words, published);
        };
    }

    private static String ago(String words, LocalDate published) {
        String[] parts = words.split(" ");
        String unit = parts[parts.length - 2];
        String count = words.substring(0, words.length() - unit.length() - " ago".length()).trim();
        int n = switch (count) {
            case "several" -> 4;
            case "a few", "some" -> 3;
            case "a" -> 1;
            default -> {
                Integer parsed = NumberWords.parse(count);
                yield parsed == null ? 3 : parsed;
            }
        };
        if (unit.startsWith("year")) {
            return "~" + (published.getYear() - n);
        }
        LocalDate date = unit.startsWith("month") ? published.minusMonths(n) : published.minusWeeks(n);
        return "~" + YearMonth.from(date);
    }

    private static void add(List<Mention<String>> found, boolean[] taken, int offset, Matcher m, String value,
                            double confidence, String rule) {
        for (int i = m.start(); i < m.end(); i++) {
            if (taken[i - offset]) {
                return;
            }
        }
        try {
            PartialDate.parse(value);
        } catch (IllegalArgumentException e) {
            return;
        }
        for (int i = m.start(); i < m.end(); i++) {
            taken[i - offset] = true;
        }
        found.add(new Mention<>(m.start(), m.end(), value, confidence, rule));
    }

    private static String full(int year, int month, int day) {
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    static int month(String name) {
        String prefix = name.replace(".", "").substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT).startsWith(prefix)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("no month " + name);
    }

    /** The first day a partial date may denote, to tell which actors existed then. */
    static LocalDate earliest(String partialDate) {
        return PartialDate.parse(partialDate).earliest();
    }
}
