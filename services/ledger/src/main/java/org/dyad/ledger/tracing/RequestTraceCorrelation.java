package org.dyad.ledger.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Records the W3C trace context of the request that handles a command ({@code traceparent}, and {@code tracestate}
 * when there is one) in the metadata of every event the command causes. The events are published after the request
 * ended, so the publisher takes the trace context from there and puts it on the CloudEvent. Without Micrometer
 * Tracing (no {@link Tracer}) or outside a traced request nothing is recorded.
 */
public class RequestTraceCorrelation implements CorrelationDataProvider {

    /** Event metadata: the W3C {@code traceparent} of the request that recorded the event. */
    public static final String TRACE_PARENT = "traceparent";
    /** Event metadata: the W3C {@code tracestate} that came with it. */
    public static final String TRACE_STATE = "tracestate";

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    /**
     * The tracer and propagator, looked up once: an {@link ObjectProvider} searches the bean factory on every call,
     * and this runs for every message a command handles.
     */
    private volatile Tracing tracing;

    private record Tracing(Tracer tracer, Propagator propagator) {
    }

    public RequestTraceCorrelation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    private Tracing tracing() {
        Tracing found = tracing;
        if (found == null) {
            found = new Tracing(tracer.getIfAvailable(), propagator.getIfAvailable());
            tracing = found;
        }
        return found;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Tracing tracing = tracing();
        Tracer t = tracing.tracer();
        Propagator p = tracing.propagator();
        if (t == null || p == null) {
            return Map.of();
        }
        TraceContext context = t.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(context, carrier, Map::put);
        Map<String, String> recorded = new HashMap<>();
        if (carrier.get(TRACE_PARENT) != null) {
            recorded.put(TRACE_PARENT, carrier.get(TRACE_PARENT));
            if (carrier.get(TRACE_STATE) != null && !carrier.get(TRACE_STATE).isBlank()) {
                recorded.put(TRACE_STATE, carrier.get(TRACE_STATE));
            }
        }
        return recorded;
    }
}
