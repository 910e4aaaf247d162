package org.dyad.views.projection;

import org.dyad.views.model.HistoryEntry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fold of one kind of record: for each event type, the method that applies it to the record's read model.
 * Each projection registers its own {@code on(…)} methods here, one per event type.
 *
 * @param <V> the read model being folded
 */
final class EventHandlers<V> {

    /** Applies one event (as corrected) of a record's history to its read model. */
    @FunctionalInterface
    interface Handler<E, V> {
        void on(E event, HistoryEntry entry, V view);
    }

    private final Map<Class<?>, Handler<Object, V>> handlers = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    <E> EventHandlers<V> on(Class<E> type, Handler<E, V> handler) {
        handlers.put(type, (Handler<Object, V>) handler);
        return this;
    }

    /** Applies the entry's event with its handler; events of other kinds of record have none and change nothing. */
    void apply(HistoryEntry entry, V view) {
        Handler<Object, V> handler = handlers.get(entry.event().getClass());
        if (handler != null) {
            handler.on(entry.event(), entry, view);
        }
    }

    /** The event types this fold handles. */
    Set<Class<?>> types() {
        return handlers.keySet();
    }
}
