package org.dyad.subscriber;

import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Routes each event to the handlers registered for its class. Register handlers before dispatching; registration is
 * not thread-safe, dispatching is as safe as the handlers are.
 * <pre>{@code
 * DyadEventDispatcher dispatcher = new DyadEventDispatcher()
 *         .on(SaleReported.class, (sale, event) -> ...)
 *         .on(DealCancelled.class, (cancelled, event) -> ...);
 * }</pre>
 */
public final class DyadEventDispatcher {

    private record Handler<T>(Class<T> type, BiConsumer<? super T, PublishedEvent> handler) {

        boolean accept(PublishedEvent event) {
            if (!type.isInstance(event.payload())) {
                return false;
            }
            handler.accept(type.cast(event.payload()), event);
            return true;
        }
    }

    private final List<Handler<?>> handlers = new ArrayList<>();

    /**
     * Registers a handler for events of {@code type}, which is a published event class or a supertype of some, such
     * as {@code DyadEvent}. An event goes to every handler whose type it is an instance of, in registration order.
     *
     * @throws IllegalArgumentException if no published event is of {@code type} (e.g. a command class by mistake)
     */
    public <T> DyadEventDispatcher on(Class<T> type, BiConsumer<? super T, PublishedEvent> handler) {
        if (EventCatalog.EVENTS.stream().noneMatch(type::isAssignableFrom)) {
            throw new IllegalArgumentException("no published Dyad event is a " + type.getName());
        }
        handlers.add(new Handler<>(type, handler));
        return this;
    }

    /**
     * Hands the event to its handlers and answers whether there was any. Events without a handler are ignored by
     * design, so a subscriber needs to handle only what it is interested in and keeps working when Dyad adds events.
     */
    public boolean dispatch(PublishedEvent event) {
        boolean handled = false;
        for (Handler<?> h : handlers) {
            handled |= h.accept(event);
        }
        return handled;
    }
}
