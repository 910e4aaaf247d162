package org.dyad.views.model;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.correction.CorrectableFields;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one record's events into its history: corrections are applied to the events they point at, retractions
 * mark them, and (for an "as of" answer) facts whose date has not begun by then are left out. The history stays in
 * recording order; the projections fold it in valid-time order ({@code ValidTimeOrder}) and tell facts that surely
 * happened by the date from those that possibly did. The same history serves the live views and every "as of" /
 * "known at" query; the caller decides which recorded facts it may see.
 */
public final class HistoryFolder {

    private HistoryFolder() {
    }

    /**
     * @param facts one record's facts in sequence order (already limited to what was known at the time asked about)
     * @param asOf  leave out facts whose valid time starts after this date; {@code null} keeps all
     */
    public static List<HistoryEntry> history(List<LoggedFact> facts, LocalDate asOf) {
        Amendments amendments = new Amendments();
        for (LoggedFact fact : facts) {
            if (fact.event() instanceof RecordCorrected c) {
                on(c, fact, amendments);
            } else if (fact.event() instanceof RecordRetracted r) {
                on(r, fact, amendments);
            }
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (LoggedFact fact : facts) {
            if (fact.event() instanceof RecordCorrected || fact.event() instanceof RecordRetracted) {
                continue;
            }
            Map<String, Object> changed = amendments.changes.get(fact.eventId());
            DyadEvent event = changed == null ? fact.event() : CorrectableFields.apply(fact.event(), changed);
            if (asOf != null && event.validOn() != null && event.validOn().earliest().isAfter(asOf)) {
                continue;
            }
            history.add(new HistoryEntry(fact.eventId(), fact.type(), event.validOn(), event,
                    changed == null ? null : fact.event(), amendments.corrections.get(fact.eventId()),
                    amendments.retractions.get(fact.eventId())));
        }
        return history;
    }

    /** A correction: its changes apply to the event it points at, later corrections over earlier ones. */
    private static void on(RecordCorrected c, LoggedFact fact, Amendments amendments) {
        amendments.corrections.computeIfAbsent(c.correctedEventId(), k -> new ArrayList<>()).add(
                new HistoryEntry.Amendment(fact.eventId(), c.reason(), c.changes(), c.provenance()));
        amendments.changes.computeIfAbsent(c.correctedEventId(), k -> new HashMap<>()).putAll(c.changes());
    }

    /** A retraction: the event it points at stays in the history, marked, and no longer counts in any fold. */
    private static void on(RecordRetracted r, LoggedFact fact, Amendments amendments) {
        amendments.retractions.put(r.retractedEventId(),
                new HistoryEntry.Amendment(fact.eventId(), r.reason(), null, r.provenance()));
    }

    /** The corrections and retractions of one record, by the id of the event each points at. */
    private static final class Amendments {
        final Map<String, List<HistoryEntry.Amendment>> corrections = new HashMap<>();
        final Map<String, Map<String, Object>> changes = new HashMap<>();
        final Map<String, HistoryEntry.Amendment> retractions = new HashMap<>();
    }
}
