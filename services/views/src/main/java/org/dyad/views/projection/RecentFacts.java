package org.dyad.views.projection;

import org.dyad.views.model.LoggedFact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of recently applied records, so that applying a record's next events does not read and parse all its
 * logged events again. An entry is used only when its version equals the record's applied version in the
 * database: events are immutable per (record, sequence), so the same version means the same facts, and an entry
 * left by a batch that rolled back, or passed by another instance, is never used. Bounded by a number of facts,
 * least recently used first out.
 */
final class RecentFacts {

    /** A record as last applied: its type, version, facts, and the actors they name. */
    record Entry(String type, long version, List<LoggedFact> facts, Set<String> actors) {
    }

    private final int maxFacts;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private int facts;

    RecentFacts(int maxFacts) {
        this.maxFacts = maxFacts;
    }

    /** The record's facts if they are those of {@code appliedVersion}. */
    synchronized Entry at(String aggregateId, long appliedVersion) {
        Entry entry = entries.get(aggregateId);
        return entry != null && entry.version() == appliedVersion ? entry : null;
    }

    synchronized void put(String aggregateId, Entry entry) {
        Entry previous = entries.put(aggregateId, entry);
        facts += entry.facts().size() - (previous == null ? 0 : previous.facts().size());
        var eldest = entries.entrySet().iterator();
        while (facts > maxFacts && eldest.hasNext()) {
            Map.Entry<String, Entry> out = eldest.next();
            facts -= out.getValue().facts().size();
            eldest.remove();
        }
    }
}
