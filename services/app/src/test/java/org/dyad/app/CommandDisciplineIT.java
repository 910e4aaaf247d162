package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys, versions in If-Match, and which status each kind of refusal gets. */
class CommandDisciplineIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}""";

    private ResponseEntity<JsonNode> post(String path, String body, Consumer<HttpHeaders> headers) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        headers.accept(h);
        return http.postForEntity(path, new HttpEntity<>(body, h), JsonNode.class);
    }

    /** The events of a record, as a subscriber of the topic sees them once everything stored is published. */
    private long eventsOf(String id) {
        return publishedEventIds(id).size();
    }

    private String transition(String on) {
        return "{\"on\": \"" + on + "\", " + SOURCE + "}";
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndWritesNothing() {
        String body = dealReport(null, "FRA", "EGY", 5_200_000_000L).replace("\"id\": \"null\", ", "");
        ResponseEntity<JsonNode> first = post("/api/v1/deals", body, h -> h.set("Idempotency-Key", "rafale-egy-1"));
        ResponseEntity<JsonNode> retry = post("/api/v1/deals", body, h -> h.set("Idempotency-Key", "rafale-egy-1"));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(eventsOf(first.getBody().path("id").asText())).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyRecordOnce() throws Exception {
        String body = dealReport(null, "FRA", "IND", 8_700_000_000L).replace("\"id\": \"null\", ", "");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return post("/api/v1/deals", body, h -> h.set("Idempotency-Key", "rafale-ind-concurrent"));
            }));
        }
        start.countDown();
        List<String> ids = calls.stream().map(CompletableFuture::join)
                .peek(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED))
                .map(r -> r.getBody().path("id").asText()).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(eventsOf(ids.get(0))).isEqualTo(1);
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherRequestIsA422() {
        post("/api/v1/deals", dealReport(uniqueId("a"), "FRA", "QAT", 1), h -> h.set("Idempotency-Key", "reused"));
        ResponseEntity<JsonNode> other = post("/api/v1/deals", dealReport(uniqueId("b"), "FRA", "QAT", 2),
                h -> h.set("Idempotency-Key", "reused"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getBody().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void twoWritersWithTheSameIfMatchGetOneSuccessAndOneConflict() throws Exception {
        String id = uniqueId("race");
        String etag = post("/api/v1/deals", dealReport(id, "RUS", "IND", 1)).getHeaders().getETag();
        assertThat(etag).isEqualTo("\"0\"");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<JsonNode>>> writers = new ArrayList<>();
        for (String path : List.of("/negotiation", "/contract")) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return post("/api/v1/deals/" + id + path, transition("2002"), h -> h.setIfMatch(etag));
            }));
        }
        start.countDown();
        List<HttpStatus> statuses = writers.stream().map(CompletableFuture::join)
                .map(r -> HttpStatus.valueOf(r.getStatusCode().value())).toList();
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.PRECONDITION_FAILED);
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsA412AndAFreshOneIsAccepted() {
        String id = uniqueId("stale");
        post("/api/v1/deals", dealReport(id, "RUS", "IND", 1));
        ResponseEntity<JsonNode> negotiated = post("/api/v1/deals/" + id + "/negotiation", transition("2002"),
                h -> h.setIfMatch("\"0\""));
        assertThat(negotiated.getHeaders().getETag()).isEqualTo("\"1\"");
        ResponseEntity<JsonNode> stale = post("/api/v1/deals/" + id + "/contract", transition("2003"),
                h -> h.setIfMatch("\"0\""));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.getBody().path("errors").toString()).contains("If-Match").contains("stale");
        assertThat(post("/api/v1/deals/" + id + "/contract", transition("2003"), h -> h.setIfMatch("\"1\""))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // from its stale version the command was legal; the staleness is the answer, not the contracted deal's rule
        ResponseEntity<JsonNode> staleAndIllegal = post("/api/v1/deals/" + id + "/negotiation", transition("2004"),
                h -> h.setIfMatch("\"1\""));
        assertThat(staleAndIllegal.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void aViewAnswersTheVersionAsETagForTheNextWrite() {
        String id = uniqueId("etag");
        String token = post("/api/v1/deals", dealReport(id, "RUS", "DZA", 1)).getBody().path("consistencyToken")
                .asText();
        ResponseEntity<JsonNode> read = get("/api/v1/deals/" + id + "?waitFor=" + token);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(post("/api/v1/deals/" + id + "/negotiation", transition("2004"),
                h -> h.setIfMatch(read.getHeaders().getETag())).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anIllegalTransitionIsA409WithItsReasonAndWritesNothing() {
        String id = uniqueId("cancelled");
        post("/api/v1/deals", dealReport(id, "RUS", "SYR", 1).replace("\"REPORTED\"", "\"CONTRACTED\""));
        post("/api/v1/deals/" + id + "/cancellation", "{\"on\": \"2010-09\", \"reason\": \"UN embargo\", "
                + SOURCE + "}");
        long before = eventsOf(id);
        ResponseEntity<JsonNode> delivery = post("/api/v1/deals/" + id + "/deliveries", """
                {"tranche": {"deliveredOn": "2011", "items": [{"designation": "S-300", "quantity": 1}]},
                 %s}""".formatted(SOURCE));
        assertThat(delivery.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delivery.getBody().path("detail").asText()).contains("CANCELLED");
        assertThat(eventsOf(id)).isEqualTo(before);
    }

    @Test
    void aTransitionOfAnUnknownDealIsA404() {
        ResponseEntity<JsonNode> response = post("/api/v1/deals/no-such-deal/negotiation", transition("2002"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventsOf("no-such-deal")).isZero();
    }

    @Test
    void anUnknownActorIsA422NamingTheClosestCodes() {
        ResponseEntity<JsonNode> response = post("/api/v1/deals", dealReport(uniqueId("x"), "RUS", "IRA", 1));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("recipient");
        assertThat(response.getBody().path("errors").get(0).path("reason").asText())
                .contains("unknown actor 'IRA'", "IRN (Iran)", "IRQ (Iraq)");
    }

    @Test
    void supersedingWithAnUnknownDealIsA422() {
        String id = uniqueId("old");
        post("/api/v1/deals", dealReport(id, "RUS", "IND", 1));
        ResponseEntity<JsonNode> response = post("/api/v1/deals/" + id + "/supersession",
                "{\"on\": \"2005\", \"supersededBy\": \"no-such-deal\", " + SOURCE + "}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("supersededBy");
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
