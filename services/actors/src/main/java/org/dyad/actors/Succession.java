package org.dyad.actors;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One state following another on a date: {@code successor} took over from {@code predecessor} on {@code on} as
 * {@code kind} says (Russia continued the Soviet Union on 1991-12-26; Ukraine separated on 1991-08-24).
 *
 * @param on   the first day the successor acted in its own right for the territory concerned
 * @param note why the succession is of its kind, in a few words; may be empty
 */
public record Succession(String predecessor, String successor, SuccessionKind kind, LocalDate on, String note) {

    public Succession {
        Objects.requireNonNull(predecessor, "predecessor");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
        note = note == null ? "" : note;
        if (predecessor.equals(successor)) {
            throw new IllegalArgumentException(predecessor + " cannot succeed itself");
        }
    }
}
