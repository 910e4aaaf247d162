package org.dyad.views.tracing;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The views' work on a batch continues the traces of the requests that recorded its events. */
class AppliedEventTracesTest {

    private static final String FIRST_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SECOND_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String FIRST_SPAN = "00f067aa0ba902b7";
    private static final String SECOND_SPAN = "b7ad6b7169203331";

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    ended.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final AppliedEventTraces traces = new AppliedEventTraces(provider(Tracer.class, tracer),
            provider(Propagator.class, new OtelPropagator(
                    ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel)));

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void aBatchIsAppliedInSpansThatContinueEachRecordingRequestsTrace() {
        ConsumerRecords<String, CloudEvent> batch = batch(
                record(0, "00-" + FIRST_TRACE + "-" + FIRST_SPAN + "-01"),
                record(1, "00-" + FIRST_TRACE + "-" + FIRST_SPAN + "-01"),
                record(2, null),
                record(3, "00-" + SECOND_TRACE + "-" + SECOND_SPAN + "-01"));

        traces.intercept(batch, null);
        String traceDuringTheWork = tracer.currentSpan().context().traceId();
        traces.success(batch, null);

        assertThat(traceDuringTheWork).isEqualTo(FIRST_TRACE);
        assertThat(tracer.currentSpan()).as("nothing stays in scope after the batch").isNull();
        assertThat(ended).extracting(SpanData::getName).containsOnly(AppliedEventTraces.SPAN_NAME);
        assertThat(ended).extracting(span -> Map.entry(span.getTraceId(), span.getParentSpanId()))
                .containsExactlyInAnyOrder(Map.entry(FIRST_TRACE, FIRST_SPAN), Map.entry(SECOND_TRACE, SECOND_SPAN));
    }

    @Test
    void aFailedBatchEndsItsSpansWithTheError() {
        ConsumerRecords<String, CloudEvent> batch = batch(record(0, "00-" + FIRST_TRACE + "-" + FIRST_SPAN + "-01"));

        traces.intercept(batch, null);
        traces.failure(batch, new IllegalStateException("database down"), null);

        assertThat(ended).singleElement().satisfies(span ->
                assertThat(span.getStatus().getStatusCode().name()).isEqualTo("ERROR"));
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void recordsWithoutTraceContextStartNoSpan() {
        ConsumerRecords<String, CloudEvent> batch = batch(record(0, null));

        traces.intercept(batch, null);
        assertThat(tracer.currentSpan()).isNull();
        traces.success(batch, null);

        assertThat(ended).isEmpty();
    }

    private static ConsumerRecord<String, CloudEvent> record(long offset, String traceParent) {
        ConsumerRecord<String, CloudEvent> record = new ConsumerRecord<>("dyad.events", 0, offset, "deal-1", null);
        if (traceParent != null) {
            record.headers().add("ce_traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @SafeVarargs
    private static ConsumerRecords<String, CloudEvent> batch(ConsumerRecord<String, CloudEvent>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition("dyad.events", 0), List.of(records)));
    }

    private static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean(type.getSimpleName(), bean);
        return beans.getBeanProvider(type);
    }
}
