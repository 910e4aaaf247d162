package org.dyad.subscriber;

import org.dyad.contracts.wire.PublishedEvent;

/** How an event's handling joins the trace of the request that recorded it. */
interface EventTracing {

    /** Handling outside any trace: the event still carries its {@link PublishedEvent#traceParent()}. */
    EventTracing NONE = (event, handling) -> handling.run();

    void handle(PublishedEvent event, Runnable handling);
}
