package org.dyad.views.tracing;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Continues the trace of the request that recorded an event while the views apply it. For each distinct
 * {@code ce_traceparent} among a batch's records a span {@value #SPAN_NAME} starts as that trace's child and ends when
 * the batch is applied (with the error if it failed), so every request's trace shows when its events reached the
 * views. The batch is applied in the scope of the first of them, so the lines logged meanwhile carry its trace id.
 * Without Micrometer Tracing (no {@link Tracer}) or for records without trace context it does nothing.
 */
@Component
public class AppliedEventTraces implements BatchInterceptor<String, CloudEvent> {

    public static final String SPAN_NAME = "dyad.views.apply";
    private static final String TRACE_PARENT_HEADER = "ce_traceparent";
    private static final String TRACE_STATE_HEADER = "ce_tracestate";

    private record Open(List<Span> spans, Tracer.SpanInScope scope) {
    }

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final ThreadLocal<Open> open = new ThreadLocal<>();

    public AppliedEventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public ConsumerRecords<String, CloudEvent> intercept(ConsumerRecords<String, CloudEvent> records,
                                                         Consumer<String, CloudEvent> consumer) {
        close(null);
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        if (t == null || p == null) {
            return records;
        }
        Map<String, String> traceStates = new LinkedHashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            String traceParent = header(record, TRACE_PARENT_HEADER);
            if (traceParent != null) {
                traceStates.putIfAbsent(traceParent, header(record, TRACE_STATE_HEADER));
            }
        }
        if (traceStates.isEmpty()) {
            return records;
        }
        List<Span> spans = new ArrayList<>();
        traceStates.forEach((traceParent, traceState) -> {
            Map<String, String> carrier = new LinkedHashMap<>();
            carrier.put("traceparent", traceParent);
            if (traceState != null) {
                carrier.put("tracestate", traceState);
            }
            spans.add(p.extract(carrier, Map::get).name(SPAN_NAME).kind(Span.Kind.CONSUMER).start());
        });
        open.set(new Open(spans, t.withSpan(spans.get(0))));
        return records;
    }

    @Override
    public void success(ConsumerRecords<String, CloudEvent> records, Consumer<String, CloudEvent> consumer) {
        close(null);
    }

    @Override
    public void failure(ConsumerRecords<String, CloudEvent> records, Exception exception,
                        Consumer<String, CloudEvent> consumer) {
        close(exception);
    }

    private void close(Exception failure) {
        Open current = open.get();
        if (current == null) {
            return;
        }
        open.remove();
        current.scope().close();
        for (Span span : current.spans()) {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
