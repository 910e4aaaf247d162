package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty writers on one deal, each from the version it read: every command succeeds or gets 412 (its version went
 * stale), and the deal ends as a serial replay of the accepted ones.
 */
@Tag("reliability")
class ConcurrentWritersIT extends DyadIntegrationTest {

    private static final int WRITERS = 50;

    @Test
    void fiftyConcurrentWritersEitherSucceedOrGetAConflict() throws Exception {
        String deal = uniqueId("contested");
        getConsistent("/api/v1/deals/" + deal, ok(post("/api/v1/deals", dealReport(deal, "USA", "POL", 1))));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<CompletableFuture<ResponseEntity<JsonNode>>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int amount = 1000 + i;
            writers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // the version a reader sees, as the ETag of the deal
                String version = get("/api/v1/deals/" + deal).getHeaders().getETag().replace("\"", "");
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                headers.setIfMatch("\"" + version + "\"");
                return http.postForEntity("/api/v1/deals/" + deal + "/estimates", new HttpEntity<>("""
                        {"estimate": {"amount": %d, "currency": "USD", "qualifier": "EXACT"}, "estimatedOn": "2023",
                         "source": {"publisher": "Writer %d", "title": "Estimate", "publishedOn": "2023"}}"""
                        .formatted(amount, amount), headers), JsonNode.class);
            }, pool));
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> answers = writers.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        long accepted = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.OK).count();
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode())
                .isIn(HttpStatus.OK, HttpStatus.PRECONDITION_FAILED));
        assertThat(accepted).isPositive();
        assertThat(publishedEventIds(deal)).as("the report plus one event per accepted writer")
                .hasSize(1 + (int) accepted);
        List<Long> versions = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.OK)
                .map(a -> a.getBody().path("version").asLong()).sorted().toList();
        assertThat(versions).as("each accepted writer got its own next version").doesNotHaveDuplicates();

        String token = deal + "@" + accepted;
        JsonNode view = get("/api/v1/deals/" + deal + "?waitFor=" + token).getBody();
        assertThat(view.path("estimates")).hasSize((int) accepted + 1);
        assertThat(view.path("version").asLong()).isEqualTo(accepted);
    }
}
