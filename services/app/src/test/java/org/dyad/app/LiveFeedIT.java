package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard feed: new events arrive live; a client that reconnects gets exactly what it missed. */
class LiveFeedIT extends DyadIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Value("${local.server.port}")
    int port;

    private URI feed(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/stream" + query);
    }

    @Test
    void aReconnectingClientReceivesExactlyTheEventsItMissed() throws Exception {
        String first = uniqueId("live");
        String id;
        try (SseClient client = new SseClient(feed("?parties=NOR,LTU"), null)) {
            assertThat(client.nextComment(Duration.ofSeconds(5))).isEqualTo("open");
            post("/api/v1/deals", dealReport(first, "NOR", "LTU", 1));
            SseClient.Event event = client.next(WAIT);
            JsonNode data = json.readTree(event.data());
            assertThat(event.name()).isEqualTo("SaleReported");
            assertThat(data.path("recordId").asText()).isEqualTo(first);
            assertThat(data.path("event").path("provenance").path("source").path("publisher").asText())
                    .isEqualTo("Los Angeles Times");
            id = event.id();
        }
        String missed1 = uniqueId("missed");
        String missed2 = uniqueId("missed");
        post("/api/v1/deals", dealReport(missed1, "NOR", "LTU", 2));
        post("/api/v1/deals", dealReport(uniqueId("elsewhere"), "NOR", "POL", 3));
        post("/api/v1/deals", dealReport(missed2, "LTU", "NOR", 4));

        try (SseClient client = new SseClient(feed("?parties=NOR,LTU"), id)) {
            List<String> received = List.of(
                    json.readTree(client.next(WAIT).data()).path("recordId").asText(),
                    json.readTree(client.next(WAIT).data()).path("recordId").asText());
            assertThat(received).containsExactly(missed1, missed2);
            assertThat(client.nextOrNull(Duration.ofSeconds(2))).as("nothing twice, nothing else").isNull();
        }
    }

    @Test
    void typesFilterTheFeedAndAHeartbeatKeepsItAlive() throws Exception {
        String deal = uniqueId("typed");
        try (SseClient client = new SseClient(feed("?parties=NOR,LVA&types=DealCancelled"), null)) {
            assertThat(client.nextComment(Duration.ofSeconds(5))).as("sent as soon as the feed is open")
                    .isEqualTo("open");
            post("/api/v1/deals", dealReport(deal, "NOR", "LVA", 1));
            post("/api/v1/deals/" + deal + "/cancellation", """
                    {"on": "2002", "reason": "budget", "source": {"publisher": "SIPRI", "title": "Trade register",
                     "publishedOn": "2025"}}""");
            SseClient.Event event = client.next(WAIT);
            assertThat(event.name()).isEqualTo("DealCancelled");
            assertThat(client.nextComment(Duration.ofSeconds(5))).isEqualTo("heartbeat");
        }
    }

    @Test
    void aBadFilterIsRefused() {
        assertThat(get("/api/v1/stream?types=Nonsense").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/stream?parties=norway").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
