package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.app.infrastructure.TestInfrastructureInitializer;
import org.dyad.ledger.storage.LedgerStorage;
import org.dyad.sipri.ReferenceDirectory;
import org.dyad.views.storage.ViewStorage;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.LinkedMultiValueMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole Dyad (write side, read side, REST) against a real Kafka broker and a real PostgreSQL: containers when
 * Docker is available, else embedded ones started in a fresh directory under {@code target/it-data} (see
 * {@link org.dyad.app.infrastructure.TestInfrastructures}). Test classes with the same configuration share one
 * running Dyad. Metrics are exported and trace context propagated as in production (Spring Boot's tests leave
 * both off otherwise); no span is exported, as no collector is configured.
 */
@AutoConfigureObservability
@SpringBootTest(classes = DyadApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dyad.embedded.data-dir=target/it-data/${random.uuid}",
                "dyad.embedded.postgres-port=0",
                "dyad.embedded.kafka-port=0",
                "dyad.embedded.controller-port=0",
                "dyad.demo.enabled=false",
                "dyad.kafka.partitions=3",
                "dyad.stream.heartbeat=PT1S",
                "dyad.watch.webhook.allowed-http-hosts=127.0.0.1",
                "dyad.watch.webhook.initial-backoff=PT0.2S",
                "dyad.kafka.producer.interceptor.classes=org.dyad.app.SchemaCheckingInterceptor",
                // Spring Boot's Kafka settings, which every Kafka client Dyad creates carries (KafkaClientSettingsIT)
                "spring.kafka.properties.metric.reporters=org.dyad.app.KafkaClientConfigs",
                "spring.kafka.ssl.protocol=TLSv1.3",
                "spring.kafka.producer.properties.metadata.max.idle.ms=300001",
                "spring.kafka.consumer.properties.metadata.max.age.ms=300001",
                "spring.kafka.admin.properties.metadata.max.age.ms=300002"})
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
public abstract class DyadIntegrationTest {

    /** The local users of the test configuration (the defaults a Quick-start run has). */
    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "admin-local";
    /** The local admin's {@code Authorization} header, for clients other than {@link #http}. */
    protected static final String ADMIN_AUTHORIZATION = "Basic "
            + HttpHeaders.encodeBasicAuth(ADMIN, ADMIN_PASSWORD, StandardCharsets.UTF_8);

    private TestRestTemplate anonymous;
    /** Calls the API as the local admin, who may do everything. */
    protected TestRestTemplate http;
    /** The ledger's tables, for the tests of storage guarantees only. */
    protected LedgerStorage ledgerStorage;
    /** The views' tables, for the tests of storage guarantees only. */
    protected ViewStorage viewStorage;
    @Autowired
    protected ObjectMapper json;
    @Value("${dyad.kafka.bootstrap-servers}")
    protected String bootstrapServers;
    @Value("${dyad.kafka.topic}")
    protected String topic;

    @Autowired
    void storage(DataSource dataSource) {
        this.ledgerStorage = new LedgerStorage(dataSource);
        this.viewStorage = new ViewStorage(dataSource);
    }

    @Autowired
    void clients(TestRestTemplate anonymous) {
        this.anonymous = anonymous;
        this.http = anonymous.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    /** The API without credentials, or as another user. */
    protected TestRestTemplate as(String user, String password) {
        return user == null ? anonymous : anonymous.withBasicAuth(user, password);
    }

    /** Every event a test class made Dyad publish matched its JSON Schema. */
    @AfterAll
    static void everyPublishedEventMatchedItsSchema() {
        assertThat(SchemaCheckingInterceptor.violations()).isEmpty();
    }

    /** The source clause of a command's body: SIPRI's trade register, graded A2. */
    protected static final String SIPRI_SOURCE = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}, "grade": "A2\"""";

    /** Asserts that a command was accepted; answers its consistency token. */
    protected String ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return response.getBody().path("consistencyToken").asText();
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** SIPRI's real export (484 rows, generated 13 Mar 2025), read where the published reference texts are kept. */
    protected static byte[] sipriSample() {
        try {
            return Files.readAllBytes(ReferenceDirectory.require(ReferenceDirectory.SIPRI_SAMPLE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A published text from the reference directory (e.g. {@code intake/dsca-korea-f35-follow-on-support-2020.txt})
     * without its header: what follows its {@code ---} line.
     */
    protected static String publishedText(String relative) {
        try {
            String file = Files.readString(ReferenceDirectory.require(relative), StandardCharsets.UTF_8);
            return file.substring(file.indexOf("\n---\n") + 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a SIPRI trade-register file as an admin would and answers the import job once it has ended. */
    protected JsonNode importSipri(byte[] file, String fileName) {
        String job = startSipriImport(file, fileName).getHeaders().getLocation().toString();
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(job).getBody(), j -> j.path("status").asText().matches("DONE|FAILED"));
    }

    /** Uploads a SIPRI trade-register file as an admin would; answers the 202 naming the import job. */
    protected ResponseEntity<JsonNode> startSipriImport(byte[] file, String fileName) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType("text/csv"));
        part.setContentDispositionFormData("file", fileName);
        form.add("file", new HttpEntity<>(file, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> started = http.postForEntity("/api/v1/imports/sipri", new HttpEntity<>(form, headers),
                JsonNode.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        return started;
    }

    /** Reads {@code path} once the views hold every write the tokens name, and fails if they do not in time. */
    protected ResponseEntity<JsonNode> getConsistent(String path, String... tokens) {
        ResponseEntity<JsonNode> answer = get(path + (path.contains("?") ? "&" : "?") + "waitFor="
                + String.join(",", tokens));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        assertThat(answer.getHeaders().getFirst("Dyad-Consistent")).as("the views hold %s", String.join(", ", tokens))
                .isEqualTo("true");
        return answer;
    }

    protected ResponseEntity<JsonNode> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, JsonNode body) {
        try {
            return post(path, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    /** The given field of each element of a JSON array (not of nested objects). */
    protected static java.util.List<String> ids(JsonNode array, String field) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(n.path(field).asText()));
        return ids;
    }

    /**
     * The event store's head, the highest global index of a stored event, as an operator reads it in the metrics
     * ({@code dyad_ledger_head_position}): it grows by one with each stored event. A write that loses a race for a
     * version can leave a gap, so tests compare it across writes made one after the other.
     */
    protected long storeHead() {
        return (long) metric("dyad_ledger_head_position");
    }

    /** One of Dyad's own meters (without labels), as an admin scrapes it from {@code /actuator/prometheus}. */
    protected double metric(String name) {
        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode().value()).as("the metrics, read as an admin").isEqualTo(200);
        return metrics.getBody().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the metrics"));
    }

    /**
     * The distinct events of a record that a subscriber finds on the topic, read once Kafka has acknowledged every
     * stored event (the metrics' publication lag is zero): so every event the store holds for it.
     */
    protected java.util.Set<String> publishedEventIds(String recordId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("dyad_publisher_lag") == 0);
        return TopicRecords.readAll(bootstrapServers, topic).stream().filter(r -> recordId.equals(r.key()))
                .map(r -> TopicRecords.header(r, "ce_id")).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The id of a record's event at a sequence number, as a subscriber of the topic sees it (the id a correction or a
     * retraction names); waits for its publication.
     */
    protected String eventIdOf(String recordId, long sequence) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        TopicRecords.readAll(bootstrapServers, topic).stream()
                                .filter(r -> recordId.equals(r.key()))
                                .filter(r -> Long.toString(sequence).equals(TopicRecords.header(r, "ce_dyadsequence")))
                                .map(r -> TopicRecords.header(r, "ce_id")).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    /** A deal report from the seed article's source, with the given id, pair and a "could reach" estimate. */
    protected String dealReport(String id, String supplier, String recipient, long amount) {
        return org.dyad.app.process.DyadClient.dealReport(id, supplier, recipient, amount);
    }
}
