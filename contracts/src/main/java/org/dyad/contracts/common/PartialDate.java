package org.dyad.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.dyad.contracts.wire.Described;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid-time date known to the year, the month or the day, as sources report it ("in 1989", "March 2001",
 * "on 2001-03-12"). A leading {@code ~} marks an approximate date. Written in JSON as {@code "2001"},
 * {@code "2001-03"}, {@code "2001-03-12"} or {@code "~2001"}.
 */
@Described("A valid-time date known to the year, the month or the day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a "
        + "leading `~` marks an approximate date.")
public record PartialDate(int year, Integer month, Integer day, boolean approximate) implements Comparable<PartialDate> {

    private static final Pattern FORMAT = Pattern.compile("(~)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits");
        }
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("there is no month " + month + "; months run from 01 to 12");
        }
        if (day != null) {
            YearMonth yearMonth = YearMonth.of(year, month);
            if (day < 1 || day > yearMonth.lengthOfMonth()) {
                throw new IllegalArgumentException("there is no day " + day + " in " + yearMonth.getMonth()
                        .getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + ", which has "
                        + yearMonth.lengthOfMonth() + " days");
            }
        }
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), false);
    }

    @JsonCreator
    public static PartialDate parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return new PartialDate(Integer.parseInt(m.group(2)),
                m.group(3) == null ? null : Integer.valueOf(m.group(3)),
                m.group(4) == null ? null : Integer.valueOf(m.group(4)),
                m.group(1) != null);
    }

    /** The first day this date may denote. */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** The last day this date may denote. */
    public LocalDate latest() {
        if (day != null) {
            return LocalDate.of(year, month, day);
        }
        return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }

    @JsonValue
    @Override
    public String toString() {
        // written for every event on the wire and in the views: no String.format here
        StringBuilder s = new StringBuilder(11).append(approximate ? "~" : "").append(year);
        if (month != null) {
            twoDigits(s.append('-'), month);
        }
        if (day != null) {
            twoDigits(s.append('-'), day);
        }
        return s.toString();
    }

    private static void twoDigits(StringBuilder s, int value) {
        s.append(value < 10 ? "0" : "").append(value);
    }

    @Override
    public int compareTo(PartialDate other) {
        int byStart = earliest().compareTo(other.earliest());
        return byStart != 0 ? byStart : latest().compareTo(other.latest());
    }
}
