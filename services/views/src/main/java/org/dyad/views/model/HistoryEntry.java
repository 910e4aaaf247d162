package org.dyad.views.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event in a record's history, as corrected. Corrections and a retraction stay attached to it, and a corrected
 * entry keeps the event as first recorded, so that history shows both.
 *
 * @param event    the event with every correction applied
 * @param original the event as first recorded, when it has been corrected
 */
public record HistoryEntry(String eventId, String type, PartialDate validOn, DyadEvent event,
                           DyadEvent original, List<Amendment> corrections, Amendment retraction) {

    public HistoryEntry {
        corrections = corrections == null ? new ArrayList<>() : corrections;
    }

    /** The distinct sources behind a history, in the order they first appear (same publisher and title: one source). */
    public static List<Source> sourcesOf(List<HistoryEntry> history) {
        Map<String, Source> sources = new java.util.LinkedHashMap<>();
        history.forEach(h -> sources.putIfAbsent(h.event().provenance().source().publisher() + "|"
                + h.event().provenance().source().title(), h.event().provenance().source()));
        return List.copyOf(sources.values());
    }

    @JsonProperty("retracted")
    public boolean retracted() {
        return retraction != null;
    }

    /** A correction or retraction of this entry: why, what changed (for corrections), and its provenance. */
    public record Amendment(String eventId, String reason, Map<String, Object> changes,
                            Provenance provenance) {
    }
}
