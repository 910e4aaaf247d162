package org.dyad.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dyad.app.TopicRecords.header;

/**
 * A request's W3C trace context reaches the CloudEvents it causes on Kafka, and every line logged while the request
 * and its command are handled names the request's correlation id and trace.
 */
class TraceContextIT extends DyadIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Autowired
    private ApplicationContext context;

    @Test
    void aRequestsTraceReachesItsCloudEventAndItsLogLines() throws Exception {
        String dealId = uniqueId("traced");
        String correlationId = "trace-" + dealId;
        // a plain client: the test's RestTemplate would start a trace of its own and send that one
        HttpRequest traced = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/v1/deals"))
                .header("Content-Type", "application/json")
                .header("Authorization", ADMIN_AUTHORIZATION)
                .header("X-Correlation-Id", correlationId)
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(dealReport(dealId, "ESP", "CHL", 7_000_000_000L)))
                .build();

        // the command bus names each command it handles at debug level: a line logged inside the command's handling
        Logger commandBus = (Logger) LoggerFactory.getLogger("org.axonframework.commandhandling");
        Level level = commandBus.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        lines.start();
        root.addAppender(lines);
        commandBus.setLevel(Level.DEBUG);
        HttpResponse<String> created;
        try {
            created = HttpClient.newHttpClient().send(traced, HttpResponse.BodyHandlers.ofString());
        } finally {
            commandBus.setLevel(level);
            root.detachAppender(lines);
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        List<ILoggingEvent> requestLines = List.copyOf(lines.list).stream()
                .filter(line -> correlationId.equals(line.getMDCPropertyMap().get("correlationId"))).toList();
        assertThat(requestLines).as("lines logged while handling the request").isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.getMDCPropertyMap()).containsEntry("traceId", TRACE_ID);
                    assertThat(line.getMDCPropertyMap().get("spanId")).matches("[0-9a-f]{16}")
                            .isNotEqualTo(CALLER_SPAN_ID);
                });
        ILoggingEvent commandLine = requestLines.stream()
                .filter(line -> line.getLoggerName().startsWith("org.axonframework.commandhandling")).findFirst()
                .orElseThrow(() -> new AssertionError("no line of the command's handling names the request"));

        // the same line as DYAD_LOG_FORMAT=ecs writes it
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        ecs.setFormat("ecs");
        ecs.start();
        JsonNode jsonLine = json.readTree(new String(ecs.encode(commandLine), StandardCharsets.UTF_8));
        assertThat(jsonLine.toString()).contains("\"correlationId\":\"" + correlationId + "\"")
                .contains("\"" + TRACE_ID + "\"");

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicRecords.readAll(bootstrapServers, topic).stream()
                        .filter(r -> dealId.equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        assertThat(header(record, "ce_traceparent")).as("the request's trace, continued by the event")
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .doesNotContain(CALLER_SPAN_ID);
        assertThat(header(record, "ce_dyadcorrelation")).isEqualTo(correlationId);
    }

    @Test
    void noSpanIsExportedWhileNoCollectorIsConfigured() {
        assertThat(context.getBeansOfType(SpanExporter.class).values())
                .noneMatch(exporter -> exporter instanceof OtlpHttpSpanExporter
                        || exporter instanceof OtlpGrpcSpanExporter);
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceThatItsEventCarries() {
        String dealId = uniqueId("untraced");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/deals",
                new HttpEntity<>(dealReport(dealId, "ESP", "CHL", 1_000_000L), headers), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicRecords.readAll(bootstrapServers, topic).stream()
                        .filter(r -> dealId.equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        assertThat(header(record, "ce_traceparent")).as("a trace started by Dyad for the request")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain(TRACE_ID);
    }
}
