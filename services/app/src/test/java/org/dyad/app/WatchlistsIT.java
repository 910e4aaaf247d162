package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.dyad.watch.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watchlists through the API against the real broker: a matching event raises one alert, seen in the owner's alert
 * list, on the owner's live feed, on the alerts topic and at the watchlist's webhook (signed), also when the event's
 * record is delivered twice; a failing webhook is tried again and its attempts logged; nobody else sees any of it.
 */
class WatchlistsIT extends DyadIntegrationTest {

    private static final String VIEWER_AUTHORIZATION = "Basic "
            + HttpHeaders.encodeBasicAuth("viewer", "viewer-local", StandardCharsets.UTF_8);
    private static final String ALERTS_TOPIC = "dyad.alerts";

    @Value("${local.server.port}")
    int port;

    /** The requests the test webhook received, per path. */
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    /** Per path, how many requests are answered 503 before the rest are answered 204. */
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private HttpServer webhook;

    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            AtomicInteger failures = failuresLeft.get(path);
            exchange.sendResponseHeaders(failures != null && failures.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + path;
    }

    private TestRestTemplate viewer() {
        return as("viewer", "viewer-local");
    }

    private static HttpEntity<String> body(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }

    private JsonNode createWatchlist(String json) {
        ResponseEntity<JsonNode> created = viewer().postForEntity("/api/v1/watchlists", body(json), JsonNode.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/watchlists/"
                + created.getBody().path("id").asText());
        return created.getBody();
    }

    private JsonNode alertsOf(TestRestTemplate user, String query) {
        ResponseEntity<JsonNode> alerts = user.getForEntity("/api/v1/alerts" + query, JsonNode.class);
        assertThat(alerts.getStatusCode().value()).as(String.valueOf(alerts.getBody())).isEqualTo(200);
        return alerts.getBody();
    }

    private List<JsonNode> alertsOfWatchlist(String watchlistId) {
        List<JsonNode> alerts = new ArrayList<>();
        alertsOf(viewer(), "?size=200").path("alerts").forEach(a -> {
            if (a.path("watchlistId").asText().equals(watchlistId)) {
                alerts.add(a);
            }
        });
        return alerts;
    }

    private List<ConsumerRecord<String, byte[]>> alertsOnTopic(String watchlistId) {
        return TopicRecords.readAll(bootstrapServers, ALERTS_TOPIC).stream()
                .filter(r -> watchlistId.equals(TopicRecords.header(r, "ce_subject"))).toList();
    }

    @Test
    void aWatchlistOnAPairRaisesOneAlertPerMatchingEventEverywhereEvenWhenAnEventComesTwice() throws Exception {
        JsonNode watchlist = createWatchlist("""
                {"name": "France and India", "criteria": {"pairs": [{"a": "IND", "b": "FRA"}]},
                 "webhookUrl": "%s"}""".formatted(hook("/alerts")));
        String watchlistId = watchlist.path("id").asText();
        String secret = watchlist.path("webhookSecret").asText();
        assertThat(secret).hasSize(64);
        assertThat(viewer().getForObject("/api/v1/watchlists/" + watchlistId, JsonNode.class).has("webhookSecret"))
                .as("the secret is shown once").isFalse();

        try (SseClient feed = new SseClient(URI.create("http://localhost:" + port + "/api/v1/stream"), null,
                VIEWER_AUTHORIZATION)) {
            feed.nextComment(Duration.ofSeconds(10));
            String dealId = uniqueId("watched");
            ok(post("/api/v1/deals", dealReport(dealId, "FRA", "IND", 8_000_000_000L)));
            ok(post("/api/v1/deals/" + dealId + "/contract", "{\"on\": \"2002\", " + SIPRI_SOURCE + "}"));
            ok(post("/api/v1/deals", dealReport(uniqueId("unwatched"), "FRA", "PAK", 1_000_000L)));

            List<JsonNode> alerts = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> alertsOfWatchlist(watchlistId), a -> a.size() >= 2);
            assertThat(alerts).extracting(a -> a.path("eventType").asText())
                    .containsExactly("ContractConcluded", "SaleReported");
            assertThat(alerts).allSatisfy(a -> {
                assertThat(a.path("recordId").asText()).isEqualTo(dealId);
                assertThat(a.path("link").asText()).isEqualTo("/api/v1/deals/" + dealId);
                assertThat(a.path("actors").size()).isEqualTo(2);
                assertThat(a.path("summary").asText()).startsWith("France → India");
                assertThat(a.path("read").asBoolean()).isFalse();
            });
            List<String> alertIds = ids(json.valueToTree(alerts), "id");

            List<String> pushed = new ArrayList<>();
            while (pushed.size() < 2) {
                SseClient.Event event = feed.next(Duration.ofSeconds(60));
                if ("alert".equals(event.name())) {
                    pushed.add(json.readTree(event.data()).path("id").asText());
                }
            }
            assertThat(pushed).containsExactlyInAnyOrderElementsOf(alertIds);

            List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(300)).until(() -> alertsOnTopic(watchlistId), r -> r.size() >= 2);
            assertThat(published).extracting(r -> TopicRecords.header(r, "ce_type"))
                    .containsOnly("org.dyad.alert.AlertRaised.v1");
            assertThat(published).extracting(r -> TopicRecords.header(r, "ce_source")).containsOnly("urn:dyad:watch");
            assertThat(published).extracting(r -> TopicRecords.header(r, "ce_id"))
                    .containsExactlyInAnyOrderElementsOf(alertIds);

            List<Received> calls = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> received.getOrDefault("/alerts", List.of()), c -> c.size() >= 2);
            for (Received call : calls) {
                assertThat(call.header(WebhookSignature.HEADER)).isEqualTo(WebhookSignature.of(secret, call.body()))
                        .startsWith("sha256=");
                assertThat(call.header(WebhookSignature.TIMESTAMP_HEADER)).isNotBlank();
            }
            assertThat(calls).extracting(c -> json.readTree(c.body()).path("id").asText())
                    .containsExactlyInAnyOrderElementsOf(alertIds);

            // the deal's first event, delivered twice more
            RecordMetadata duplicate = TopicRecords.republishFirstTwice(bootstrapServers, topic, dealId);
            awaitWatchedPast(new TopicPartition(topic, duplicate.partition()), duplicate.offset());
            // nothing more is pushed: the feed carries no further alert
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            SseClient.Event more;
            while ((more = feed.nextOrNull(Duration.ofNanos(Math.max(until - System.nanoTime(), 1)))) != null) {
                assertThat(more.name()).isNotEqualTo("alert");
            }
            assertThat(alertsOfWatchlist(watchlistId)).hasSize(2);
            assertThat(alertsOnTopic(watchlistId)).hasSize(2);
            assertThat(received.get("/alerts")).hasSize(2);
        }
    }

    /** Waits until the watchlists' consumer group has committed an offset beyond the given record. */
    private void awaitWatchedPast(TopicPartition partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("dyad-watch")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > offset;
            });
        }
    }

    @Test
    void aFailingWebhookIsTriedAgainAndEachAttemptLogged() {
        failuresLeft.put("/flaky", new AtomicInteger(2));
        JsonNode watchlist = createWatchlist("""
                {"name": "Norway's sales", "criteria": {"pairs": [{"a": "NOR", "b": "EST", "directed": true}]},
                 "webhookUrl": "%s"}""".formatted(hook("/flaky")));
        String watchlistId = watchlist.path("id").asText();
        ok(post("/api/v1/deals", dealReport(uniqueId("flaky"), "NOR", "EST", 50_000_000L)));

        JsonNode deliveries = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(
                () -> viewer().getForObject("/api/v1/watchlists/" + watchlistId + "/deliveries", JsonNode.class),
                d -> d.size() == 1 && "DELIVERED".equals(d.get(0).path("status").asText()));
        JsonNode delivery = deliveries.get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("log").findValuesAsText("httpStatus")).containsExactly("503", "503", "204");
        assertThat(delivery.path("log").get(0).path("error").asText()).contains("503");
        assertThat(received.get("/flaky")).hasSize(3).extracting(r -> r.header(WebhookSignature.DELIVERY_HEADER))
                .containsOnly(delivery.path("id").asText());
        assertThat(received.get("/flaky").stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).distinct())
                .as("each attempt sends the same alert").hasSize(1);
    }

    @Test
    void anotherUserSeesNoneOfAUsersWatchlistsOrAlerts() {
        JsonNode watchlist = createWatchlist("""
                {"name": "Latvia", "criteria": {"actors": ["LVA"], "stageChanges": {}}}""");
        String watchlistId = watchlist.path("id").asText();
        String dealId = uniqueId("private");
        ok(post("/api/v1/deals", dealReport(dealId, "SWE", "LVA", 10_000_000L)));
        ok(post("/api/v1/deals/" + dealId + "/negotiation", "{\"on\": \"2001-06\", " + SIPRI_SOURCE + "}"));
        List<JsonNode> alerts = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOfWatchlist(watchlistId), a -> a.size() == 1);
        String alertId = alerts.get(0).path("id").asText();
        assertThat(alerts.get(0).path("eventType").asText()).isEqualTo("NegotiationOpened");

        TestRestTemplate analyst = as("analyst", "analyst-local");
        assertThat(analyst.getForEntity("/api/v1/watchlists/" + watchlistId, JsonNode.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(analyst.getForEntity("/api/v1/watchlists/" + watchlistId + "/deliveries", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(ids(analyst.getForObject("/api/v1/watchlists", JsonNode.class), "id")).doesNotContain(watchlistId);
        assertThat(ids(alertsOf(analyst, "?size=200").path("alerts"), "id")).doesNotContain(alertId);
        assertThat(analyst.postForEntity("/api/v1/alerts/" + alertId + "/read", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(analyst.exchange("/api/v1/watchlists/" + watchlistId, HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(analyst.exchange("/api/v1/watchlists/" + watchlistId, HttpMethod.PUT,
                body("{\"name\": \"mine\", \"criteria\": {\"actors\": [\"LVA\"]}}"), JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(viewer().getForObject("/api/v1/watchlists/" + watchlistId, JsonNode.class).path("name").asText())
                .isEqualTo("Latvia");
        JsonNode replaced = viewer().exchange("/api/v1/watchlists/" + watchlistId, HttpMethod.PUT,
                body("{\"name\": \"Latvia's deals\", \"criteria\": {\"actors\": [\"LVA\"], \"stageChanges\": {}},"
                        + " \"webhookUrl\": \"https://hooks.example.org/dyad\"}"), JsonNode.class).getBody();
        assertThat(replaced.path("name").asText()).isEqualTo("Latvia's deals");
        assertThat(replaced.path("webhookSecret").asText()).as("a new webhook's secret, shown once").hasSize(64);
        JsonNode kept = viewer().getForObject("/api/v1/watchlists/" + watchlistId, JsonNode.class);
        assertThat(kept.path("webhookUrl").asText()).isEqualTo("https://hooks.example.org/dyad");
        assertThat(kept.has("webhookSecret")).isFalse();

        // the owner marks it read: it leaves the unread list
        assertThat(ids(alertsOf(viewer(), "?unread=true&size=200").path("alerts"), "id")).contains(alertId);
        JsonNode read = viewer().postForObject("/api/v1/alerts/" + alertId + "/read", null, JsonNode.class);
        assertThat(read.path("read").asBoolean()).isTrue();
        assertThat(ids(alertsOf(viewer(), "?unread=true&size=200").path("alerts"), "id")).doesNotContain(alertId);
        assertThat(viewer().exchange("/api/v1/watchlists/" + watchlistId, HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(ids(alertsOf(viewer(), "?size=200").path("alerts"), "id")).doesNotContain(alertId);
    }

    @Test
    void aWatchlistThatCannotBeKeptIsRefusedNamingItsFieldAndNothingIsWritten() {
        int before = viewer().getForObject("/api/v1/watchlists", JsonNode.class).size();
        Map<String, String> refusals = Map.of(
                "{\"name\": \"x\", \"criteria\": {\"pairs\": [{\"a\": \"IND\", \"b\": \"XQZ\"}]}}",
                "criteria.pairs[0].b",
                "{\"name\": \"x\", \"criteria\": {}}", "criteria",
                "{\"name\": \" \", \"criteria\": {\"actors\": [\"IND\"]}}", "name",
                "{\"name\": \"x\", \"criteria\": {\"stageChanges\": {\"to\": [\"SIGNED\"]}}}",
                "criteria.stageChanges.to[0]",
                "{\"name\": \"x\", \"criteria\": {\"estimateOver\": {\"amount\": 1000, \"currency\": \"dollars\"}}}",
                "criteria.estimateOver.currency",
                "{\"name\": \"x\", \"criteria\": {\"actors\": [\"IND\"]}, \"webhookUrl\": \"http://example.com/h\"}",
                "webhookUrl");
        refusals.forEach((request, field) -> {
            ResponseEntity<JsonNode> refused = viewer().postForEntity("/api/v1/watchlists", body(request),
                    JsonNode.class);
            assertThat(refused.getStatusCode().value()).as(request).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().findValuesAsText("field")).as(request).contains(field);
        });
        HttpHeaders xml = new HttpHeaders();
        xml.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<JsonNode> notJson = viewer().postForEntity("/api/v1/watchlists",
                new HttpEntity<>("<watchlist/>", xml), JsonNode.class);
        assertThat(notJson.getStatusCode().value()).isEqualTo(415);
        assertThat(notJson.getHeaders().getFirst("Accept-Post")).contains("application/json");
        assertThat(viewer().getForObject("/api/v1/watchlists", JsonNode.class).size()).isEqualTo(before);
    }
}
