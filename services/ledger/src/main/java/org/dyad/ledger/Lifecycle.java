package org.dyad.ledger;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.ValidTimeOrder;
import org.dyad.contracts.correction.CorrectableFields;
import org.dyad.contracts.correction.event.RecordCorrected;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A record's lifecycle facts (the events that move its status or stage) with their valid dates, as corrected, in the
 * order they were recorded. A command is checked against the record's current state in recording order first; this
 * checks that the new fact, at its place in valid time ({@link ValidTimeOrder}), leaves a lifecycle that could have
 * happened: replayed in valid-time order from the record's founding state, every step must be allowed. A date that
 * would put the lifecycle in an impossible order (a cancellation dated before a suspension already recorded) is
 * refused with a 422 naming the date field and the fact it would come before. Imprecise dates that may be in order
 * are accepted: facts whose dates overlap keep their recording order, so the new fact comes after them.
 * <p>
 * A correction of a date is checked the same way: the lifecycle with the corrected date must be possible, and the
 * fact must not move before the record's founding fact. A stored lifecycle whose order is already impossible is not
 * checked: no new fact could make it possible, and it is corrected fact by fact.
 *
 * @param <S> the state the replay carries (a deal's stage and status; an agreement's status and parties)
 */
public final class Lifecycle<S> {

    /**
     * One step of the replay: applies the event to the state and answers {@code null}, or answers why the event
     * cannot happen in that state (and leaves the state as it was).
     */
    @FunctionalInterface
    public interface Step<S> {
        String apply(S state, DyadEvent event);
    }

    private record Fact(String eventId, DyadEvent event) {
    }

    private final List<Fact> facts = new ArrayList<>();
    private final Supplier<S> founding;
    private final Step<S> step;
    private final Function<DyadEvent, String> happened;
    private final Function<DyadEvent, String> named;
    private final BiPredicate<DyadEvent, DyadEvent> related;
    private final Supplier<PartialDate> foundedOn;
    private final String foundingFact;

    /**
     * @param founding a new state as the record's founding event left it
     * @param happened a fact in the past tense, without its date ("the deal was suspended")
     * @param named    a fact as a noun, without its date ("a cancellation")
     * @param related  whether two facts concern the same thing (the same party of an agreement), to name the fact a
     *                 new one conflicts with
     * @param foundedOn    the date of the record's founding fact: no lifecycle fact comes surely before it
     * @param foundingFact that fact, as a refusal names it ("the deal's first report")
     */
    public Lifecycle(Supplier<S> founding, Step<S> step, Function<DyadEvent, String> happened,
                     Function<DyadEvent, String> named, BiPredicate<DyadEvent, DyadEvent> related,
                     Supplier<PartialDate> foundedOn, String foundingFact) {
        this.foundedOn = foundedOn;
        this.foundingFact = foundingFact;
        this.founding = founding;
        this.step = step;
        this.happened = happened;
        this.named = named;
        this.related = related;
    }

    /** A lifecycle fact was recorded (event sourcing). */
    public void recorded(String eventId, DyadEvent event) {
        facts.add(new Fact(eventId, event));
    }

    /** A fact of the record was corrected (event sourcing): its lifecycle fact, if any, takes the new values. */
    public void corrected(RecordCorrected correction) {
        int at = indexOf(correction.correctedEventId());
        if (at >= 0) {
            facts.set(at, new Fact(facts.get(at).eventId(),
                    CorrectableFields.apply(facts.get(at).event(), correction.changes())));
        }
    }

    /** A fact of the record was retracted (event sourcing): it no longer counts. */
    public void retracted(String eventId) {
        int at = indexOf(eventId);
        if (at >= 0) {
            facts.remove(at);
        }
    }

    /** Refuses a new fact whose date ({@code field}) would put the lifecycle in an impossible order. */
    public void requireInOrder(String field, DyadEvent added) {
        List<Fact> with = new ArrayList<>(facts);
        Fact fact = new Fact(null, added);
        with.add(fact);
        check(field, with, fact);
    }

    /** Refuses a correction whose new values would put the lifecycle in an impossible order. */
    public void requireInOrder(RecordCorrected correction) {
        int at = indexOf(correction.correctedEventId());
        if (at < 0) {
            return;
        }
        List<Fact> with = new ArrayList<>(facts);
        Fact fact = new Fact(correction.correctedEventId(),
                CorrectableFields.apply(facts.get(at).event(), correction.changes()));
        with.set(at, fact);
        // the field that moves the fact: a date ("on", "noticeOn") or a tranche; else the first one changed
        String field = correction.changes().keySet().stream().sorted()
                .filter(name -> name.equals("on") || name.endsWith("On") || name.equals("tranche")).findFirst()
                .orElse(correction.changes().keySet().stream().sorted().findFirst().orElse(""));
        check("changes." + field, with, fact);
    }

    private void check(String field, List<Fact> lifecycle, Fact checked) {
        PartialDate date = checked.event().validOn();
        PartialDate founded = foundedOn.get();
        if (date != null && founded != null && date.latest().isBefore(founded.earliest())) {
            throw new RuleViolationException(field, date + " is before " + foundingFact + " (" + founded + ")");
        }
        if (replay(ValidTimeOrder.of(facts, f -> f.event().validOn())) != null) {
            return;
        }
        List<Fact> ordered = ValidTimeOrder.of(lifecycle, f -> f.event().validOn());
        Fact refused = replay(ordered);
        if (refused == null) {
            return;
        }
        int place = ordered.indexOf(checked);
        Fact conflicting = refused != checked ? refused : conflictingWith(checked, ordered, place);
        String what = named.apply(checked.event()) + " on " + checked.event().validOn();
        throw new RuleViolationException(field, conflicting == null
                ? what + " cannot come at that place in the record's lifecycle"
                : happened.apply(conflicting.event()) + " on " + conflicting.event().validOn() + "; " + what
                + " would come " + (ordered.indexOf(conflicting) > place ? "before" : "after") + " it");
    }

    /**
     * The fact a refused one conflicts with: the first related fact it would come before, or else (a correction
     * moving a fact later) the last related fact it would come after.
     */
    private Fact conflictingWith(Fact refused, List<Fact> ordered, int place) {
        for (Fact fact : ordered.subList(place + 1, ordered.size())) {
            if (related.test(fact.event(), refused.event())) {
                return fact;
            }
        }
        for (int i = place - 1; i >= 0; i--) {
            if (related.test(ordered.get(i).event(), refused.event())) {
                return ordered.get(i);
            }
        }
        return null;
    }

    /** The first fact that cannot happen where it stands, or {@code null} if every step is allowed. */
    private Fact replay(List<Fact> ordered) {
        S state = founding.get();
        for (Fact fact : ordered) {
            if (step.apply(state, fact.event()) != null) {
                return fact;
            }
        }
        return null;
    }

    /** The fact recorded as {@code eventId}, as it stands after its corrections; null when it is not one of these facts. */
    public DyadEvent fact(String eventId) {
        int at = indexOf(eventId);
        return at < 0 ? null : facts.get(at).event();
    }

    private int indexOf(String eventId) {
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i).eventId() != null && facts.get(i).eventId().equals(eventId)) {
                return i;
            }
        }
        return -1;
    }
}
