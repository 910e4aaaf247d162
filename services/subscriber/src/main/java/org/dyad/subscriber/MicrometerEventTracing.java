package org.dyad.subscriber;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.dyad.contracts.wire.PublishedEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * Handles each event in a consumer span {@value #SPAN_NAME} whose parent is the event's {@code traceparent}, so the
 * handlers' work (and what they log) belongs to the trace of the request that recorded the event. An event without
 * trace context is handled in a new trace. Used only when the application gives the subscriber a Micrometer
 * {@link Tracer}; the library does not need Micrometer Tracing otherwise.
 */
final class MicrometerEventTracing implements EventTracing {

    static final String SPAN_NAME = "dyad.event.handle";

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerEventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public void handle(PublishedEvent event, Runnable handling) {
        Map<String, String> carrier = new HashMap<>();
        if (event.traceParent() != null) {
            carrier.put("traceparent", event.traceParent());
            if (event.traceState() != null) {
                carrier.put("tracestate", event.traceState());
            }
        }
        Span span = propagator.extract(carrier, Map::get).name(SPAN_NAME).kind(Span.Kind.CONSUMER)
                .tag("dyad.event.type", event.type()).tag("dyad.event.id", event.id()).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            handling.run();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
