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
 * mark them, and (for an "as of" answer) facts not yet valid on the date are left out. The same fold serves the
 * live views and every "as of" / "known at" query; the caller decides which recorded facts it may see.
 */
public final class HistoryFolder {

    private HistoryFolder() {
    }

    /**
     * @param facts one record's facts in sequence order (already limited to what was known at the time asked about)
     * @param asOf  leave out facts whose valid time starts after this date; {@code null} keeps all
     */
    public static List<HistoryEntry> history(List<LoggedFact> facts, LocalDate asOf) {
        Map<String, List<HistoryEntry.Amendment>> corrections = new HashMap<>();
        Map<String, Map<String, Object>> changes = new HashMap<>();
        Map<String, HistoryEntry.Amendment> retractions = new HashMap<>();
        for (LoggedFact fact : facts) {
            if (fact.event() instanceof RecordCorrected c) {
                corrections.computeIfAbsent(c.correctedEventId(), k -> new ArrayList<>()).add(
                        new HistoryEntry.Amendment(fact.eventId(), c.reason(), c.changes(), c.provenance()));
                changes.computeIfAbsent(c.correctedEventId(), k -> new HashMap<>()).putAll(c.changes());
            } else if (fact.event() instanceof RecordRetracted r) {
                retractions.put(r.retractedEventId(),
                        new HistoryEntry.Amendment(fact.eventId(), r.reason(), null, r.provenance()));
            }
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (LoggedFact fact : facts) {
            if (fact.event() instanceof RecordCorrected || fact.event() instanceof RecordRetracted) {
                continue;
            }
            Map<String, Object> changed = changes.get(fact.eventId());
            DyadEvent event = changed == null ? fact.event() : CorrectableFields.apply(fact.event(), changed);
            if (asOf != null && event.validOn() != null && event.validOn().earliest().isAfter(asOf)) {
                continue;
            }
            history.add(new HistoryEntry(fact.eventId(), fact.type(), event.validOn(), event, changed == null ? null : fact.event(), corrections.get(fact.eventId()),
                    retractions.get(fact.eventId())));
        }
        return history;
    }
}
