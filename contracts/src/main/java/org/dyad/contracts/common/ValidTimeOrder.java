package org.dyad.contracts.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which a record's facts happened, as far as their dates tell. Each fact's date is an interval
 * ({@link PartialDate#earliest()} to {@link PartialDate#latest()}: "2015" is the whole year).
 * <ul>
 *   <li>A fact whose interval ends before another's begins comes before it.</li>
 *   <li>Facts whose intervals overlap (the same day, or "2014" and 2014-11-25) keep the order they were recorded
 *       in: the dates alone do not tell which came first, and an analyst records a record's facts in an order
 *       that makes sense.</li>
 *   <li>Facts without a date overlap every other fact.</li>
 * </ul>
 * Both rules at once give one order: each next fact is the earliest recorded among those that may have happened
 * before every remaining fact (whose interval begins no later than the day by which every remaining fact had
 * surely happened). The views fold a record in this order and the ledger refuses a new fact that, at its place in
 * this order, would make the record's lifecycle impossible.
 */
public final class ValidTimeOrder {

    private ValidTimeOrder() {
    }

    /**
     * @param facts  facts in the order they were recorded
     * @param dateOf a fact's valid date, {@code null} when it has none
     * @return the same facts in valid-time order
     */
    public static <T> List<T> of(List<T> facts, Function<T, PartialDate> dateOf) {
        List<T> remaining = new ArrayList<>(facts);
        List<T> ordered = new ArrayList<>(facts.size());
        while (!remaining.isEmpty()) {
            LocalDate surelyByThen = LocalDate.MAX;
            for (T fact : remaining) {
                PartialDate date = dateOf.apply(fact);
                if (date != null && date.latest().isBefore(surelyByThen)) {
                    surelyByThen = date.latest();
                }
            }
            for (int i = 0; i < remaining.size(); i++) {
                PartialDate date = dateOf.apply(remaining.get(i));
                if (date == null || !date.earliest().isAfter(surelyByThen)) {
                    ordered.add(remaining.remove(i));
                    break;
                }
            }
        }
        return ordered;
    }

    /** Whether a fact dated {@code date} had surely happened by the end of {@code day} (a fact without date has). */
    public static boolean surelyBy(PartialDate date, LocalDate day) {
        return date == null || !date.latest().isAfter(day);
    }

    /** Whether a fact dated {@code date} may have happened by the end of {@code day}, but not surely. */
    public static boolean possiblyBy(PartialDate date, LocalDate day) {
        return date != null && !date.earliest().isAfter(day) && date.latest().isAfter(day);
    }
}
