package org.dyad.views.projection;

import org.dyad.views.model.HistoryEntry;
import org.dyad.views.model.HistoryFolder;
import org.dyad.views.model.LoggedFact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One Dyad record as a batch rewrites it.
 *
 * @param version    its last event's sequence
 * @param history    its events with corrections applied and retractions marked
 * @param actors     every actor its events ever named, retracted or not, sorted
 * @param firstValid the earliest valid date of its facts, retracted ones aside (for its pairs' spans)
 * @param lastValid  the latest such date
 */
record RecordHistory(String id, long version, List<HistoryEntry> history, Set<String> actors,
                     LocalDate firstValid, LocalDate lastValid) {

    static RecordHistory of(String id, long version, List<LoggedFact> facts, Set<String> actors) {
        List<HistoryEntry> history = HistoryFolder.history(facts, null);
        List<LocalDate> valid = history.stream().filter(h -> !h.retracted() && h.validOn() != null)
                .map(h -> h.validOn().earliest()).sorted().toList();
        return new RecordHistory(id, version, history, actors, valid.isEmpty() ? null : valid.get(0),
                valid.isEmpty() ? null : valid.get(valid.size() - 1));
    }
}
