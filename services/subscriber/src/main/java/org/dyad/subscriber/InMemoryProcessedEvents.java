package org.dyad.subscriber;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recently handled events, in memory, up to a capacity; the least recently seen are forgotten
 * first. Redeliveries come close behind the original (the publisher resends a batch, or a consumer re-reads what it
 * had not committed), so a bounded window catches them. Per process only: see {@link ProcessedEvents}.
 * Thread-safe, so subscribers in one process may share it.
 */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final Map<String, Boolean> ids;

    public InMemoryProcessedEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized boolean firstTime(String eventId) {
        return ids.put(eventId, Boolean.TRUE) == null;
    }

    @Override
    public synchronized void forget(String eventId) {
        ids.remove(eventId);
    }

    /** How many ids are remembered now. */
    public synchronized int size() {
        return ids.size();
    }
}
