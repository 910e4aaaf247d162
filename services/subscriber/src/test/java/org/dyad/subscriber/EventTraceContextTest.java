package org.dyad.subscriber;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A subscriber's handler finds the trace of the request that recorded an event, and its work can join it. */
class EventTraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String RECORDING_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACE_PARENT = "00-" + TRACE_ID + "-" + RECORDING_SPAN_ID + "-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final OtelPropagator propagator = new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void aHandlerSeesTheTraceContextTheRecordCarries() {
        ConsumerRecord<String, byte[]> record = Events.record("deal-1", DyadCloudEvents.withTraceContext(
                DyadCloudEvents.encode("e-1", "deal-1", 0, 1, Events.RECORDED_AT, Events.sale("deal-1")),
                TRACE_PARENT, "dyad=abc"));
        assertThat(record.headers().lastHeader("ce_traceparent").value()).asString(StandardCharsets.UTF_8)
                .isEqualTo(TRACE_PARENT);

        AtomicReference<PublishedEvent> seen = new AtomicReference<>();
        new DyadEventDispatcher().on(SaleReported.class, (sale, event) -> seen.set(event))
                .dispatch(DyadEventReader.read(record));

        assertThat(seen.get().traceParent()).isEqualTo(TRACE_PARENT);
        assertThat(seen.get().traceState()).isEqualTo("dyad=abc");
    }

    @Test
    void aRecordWithoutTraceContextGivesNone() {
        PublishedEvent event = DyadEventReader.read(Events.record("deal-1",
                DyadCloudEvents.encode("e-1", "deal-1", 0, 1, Events.RECORDED_AT, Events.sale("deal-1"))));

        assertThat(event.traceParent()).isNull();
        assertThat(event.traceState()).isNull();
    }

    @Test
    void withMicrometerTracingTheHandlingIsAChildOfTheRecordingRequest() {
        PublishedEvent event = DyadEventReader.read(Events.record("deal-1", DyadCloudEvents.withTraceContext(
                DyadCloudEvents.encode("e-1", "deal-1", 0, 1, Events.RECORDED_AT, Events.sale("deal-1")),
                TRACE_PARENT, null)));
        AtomicReference<TraceContext> during = new AtomicReference<>();

        new MicrometerEventTracing(tracer, propagator).handle(event,
                () -> during.set(tracer.currentTraceContext().context()));

        assertThat(during.get().traceId()).isEqualTo(TRACE_ID);
        assertThat(during.get().parentId()).isEqualTo(RECORDING_SPAN_ID);
        assertThat(during.get().spanId()).isNotEqualTo(RECORDING_SPAN_ID);
        assertThat(tracer.currentSpan()).as("the span ends with the handling").isNull();
    }

    @Test
    void aFailingHandlerFailsInsideTheTraceAndLeavesNoSpanInScope() {
        PublishedEvent event = DyadEventReader.read(Events.record("deal-1", DyadCloudEvents.withTraceContext(
                DyadCloudEvents.encode("e-1", "deal-1", 0, 1, Events.RECORDED_AT, Events.sale("deal-1")),
                TRACE_PARENT, null)));
        AtomicReference<Span> during = new AtomicReference<>();

        assertThatThrownBy(() -> new MicrometerEventTracing(tracer, propagator).handle(event, () -> {
            during.set(tracer.currentSpan());
            throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");

        assertThat(during.get().context().traceId()).isEqualTo(TRACE_ID);
        assertThat(tracer.currentSpan()).isNull();
    }
}
