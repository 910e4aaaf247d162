package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller over its allowance gets 429 problem+json with Retry-After and nothing is written; other callers are not
 * affected, and the allowance comes back after the time Retry-After names. Limits here are tiny (3 requests per
 * 6-second window); the defaults are far higher. The dashboard's own files are not charged to the anonymous
 * allowance. Failed sign-ins are limited per client address and per user name (20 and 40 per 15-second window
 * here). Requests from other client addresses go out from other loopback addresses (127.0.0.x).
 */
@Tag("reliability")
@DirtiesContext
@TestPropertySource(properties = {
        "dyad.test.scenario=rate-limit",
        "dyad.api.rate-limit.writes.per-second=0.5", "dyad.api.rate-limit.writes.burst=3",
        "dyad.api.rate-limit.reads.per-second=0.5", "dyad.api.rate-limit.reads.burst=3",
        "dyad.api.rate-limit.anonymous.per-second=0.5", "dyad.api.rate-limit.anonymous.burst=3",
        "dyad.security.users[0].name=analyst", "dyad.security.users[0].password=analyst-local",
        "dyad.security.users[0].role=analyst",
        "dyad.security.users[1].name=analyst2", "dyad.security.users[1].password=analyst2-local",
        "dyad.security.users[1].role=analyst",
        "dyad.security.users[2].name=viewer", "dyad.security.users[2].password=viewer-local",
        "dyad.security.users[2].role=viewer",
        "dyad.security.users[3].name=admin", "dyad.security.users[3].password=admin-local",
        "dyad.security.users[3].role=admin",
        "dyad.security.sign-in-limit.window=PT15S",
        "dyad.security.sign-in-limit.per-address=20",
        "dyad.security.sign-in-limit.per-user=40"})
class RateLimitIT extends DyadIntegrationTest {

    /** More than two windows' allowance: enough to be refused even if the requests straddle a window's end. */
    private static final int ATTEMPTS = 10;

    private ResponseEntity<JsonNode> report(TestRestTemplate client, String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/v1/deals", new HttpEntity<>(dealReport(id, "ARG", "CHL", 1), headers),
                JsonNode.class);
    }

    @Test
    void aPrincipalOverItsAllowanceIsRefusedWithRetryAfterAndWritesNothingWhileOthersGoOn() throws Exception {
        TestRestTemplate analyst = as("analyst", "analyst-local");
        long before = storeHead();
        int accepted = 0;
        ResponseEntity<JsonNode> refused = null;
        for (int i = 0; i < ATTEMPTS && refused == null; i++) {
            ResponseEntity<JsonNode> answer = report(analyst, uniqueId("limited"));
            if (answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                refused = answer;
            } else {
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                accepted++;
            }
        }
        assertThat(refused).as("a 429 within %d writes", ATTEMPTS).isNotNull();
        assertThat(accepted).as("the burst is granted before a refusal").isGreaterThanOrEqualTo(3);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("status").asInt()).isEqualTo(429);
        assertThat(refused.getBody().path("detail").asText()).contains("writes by analyst");
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 6L);
        assertThat(storeHead() - before).as("one event per accepted write, none for the refused")
                .isEqualTo(accepted);

        // Other principals have their own allowance; the analyst's reads are a separate allowance too.
        assertThat(report(as("analyst2", "analyst2-local"), uniqueId("other")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(as("viewer", "viewer-local").getForEntity("/api/v1/deals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(analyst.getForEntity("/api/v1/deals", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // Admins (imports, rebuilds, operations) are exempt by default.
        assertThat(report(http, uniqueId("admin")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(report(analyst, uniqueId("again")).getStatusCode()).as("after Retry-After")
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anonymousRequestsAreLimitedPerAddressButHealthNever() {
        TestRestTemplate anonymous = as(null, null);
        HttpStatus last = null;
        for (int i = 0; i < ATTEMPTS && last != HttpStatus.TOO_MANY_REQUESTS; i++) {
            last = HttpStatus.valueOf(anonymous.getForEntity("/actuator/info", String.class).getStatusCode().value());
        }
        assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        for (int i = 0; i < ATTEMPTS; i++) {
            assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @LocalServerPort
    private int port;

    /** An answer read off the wire: status, headers (names in lower case) and body. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.0 request on a connection from the given local (loopback) address. */
    private Answer request(String fromAddress, String path, String authorization) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            String request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Accept: application/json, application/problem+json, */*\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + HttpHeaders.encodeBasicAuth(user, password, StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardsFilesAreNotChargedToTheAnonymousAllowance() {
        String loader = "127.0.0.21";
        String other = "127.0.0.22";
        List<String> files = List.of("/", "/index.html", "/dashboard/app.js", "/dashboard/dashboard.css");
        for (int i = 0; i < 25; i++) {
            for (String file : files) {
                assertThat(request(loader, file, null).status()).as("GET " + file).isEqualTo(200);
            }
        }
        // 100 files later the client still has its whole anonymous allowance for the API ...
        for (int i = 0; i < 3; i++) {
            assertThat(request(loader, "/actuator/info", null).status()).as("API request " + i).isEqualTo(200);
        }
        int last = 0;
        for (int i = 0; i < ATTEMPTS && last != 429; i++) {
            last = request(loader, "/actuator/info", null).status();
        }
        assertThat(last).as("the anonymous allowance holds").isEqualTo(429);
        // ... and with that allowance spent, the dashboard still loads; other clients keep both
        for (String file : files) {
            assertThat(request(loader, file, null).status()).as("GET " + file + " over the allowance")
                    .isEqualTo(200);
            assertThat(request(other, file, null).status()).as("GET " + file + " by another client").isEqualTo(200);
        }
        assertThat(request(other, "/actuator/info", null).status()).isEqualTo(200);
    }

    @Test
    void failedSignInsAreLimitedPerAddressAndPerUserWithoutCheckingThePassword() throws Exception {
        Duration window = Duration.ofSeconds(15);
        int perAddress = 20;
        int threads = 8;
        String attacker = "127.0.0.31";
        String elsewhere = "127.0.0.32";

        // 2,000 wrong passwords from one address, as fast as 8 connections go
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String guess = "guess-" + i;
            answers.add(pool.submit(() -> request(attacker, "/api/v1/deals", basic("analyst", guess))));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        Answer refused = null;
        for (Future<Answer> answer : answers) {
            Answer a = answer.get(5, TimeUnit.MINUTES);
            statuses.merge(a.status(), 1, Integer::sum);
            refused = a.status() == 429 ? a : refused;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();
        LoggerFactory.getLogger(RateLimitIT.class).info("2,000 wrong passwords from one address in {}: {}",
                elapsed, statuses);
        // each window the burst spans lets the address fail perAddress times (plus those already in flight)
        long windows = 1 + elapsed.toNanos() / window.toNanos();
        assertThat(statuses.keySet()).as("statuses %s in %s", statuses, elapsed).containsOnly(401, 429);
        assertThat(statuses.getOrDefault(401, 0)).as("passwords checked, %s in %s", statuses, elapsed)
                .isLessThanOrEqualTo((int) ((perAddress + threads) * windows));
        assertThat(statuses.getOrDefault(429, 0)).as("refused unchecked").isGreaterThanOrEqualTo(1_800);
        assertThat(refused.headers().get("content-type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(refused.body()).path("status").asInt()).isEqualTo(429);
        assertThat(json.readTree(refused.body()).path("detail").asText()).contains("password was not checked");
        long retryAfter = Long.parseLong(refused.headers().get("retry-after"));
        assertThat(retryAfter).isBetween(1L, window.toSeconds());

        // the right password from that address is refused too, unchecked; from elsewhere it works, for any user
        assertThat(request(attacker, "/api/v1/deals", basic("analyst", "analyst-local")).status()).isEqualTo(429);
        assertThat(request(elsewhere, "/api/v1/deals", basic("analyst", "analyst-local")).status())
                .as("the attacked user from another address").isEqualTo(200);
        assertThat(request(elsewhere, "/api/v1/deals", basic("viewer", "viewer-local")).status()).isEqualTo(200);

        // guesses at one user spread over ten addresses, each under its own limit, reach the user's limit (40)
        for (int address = 41; address <= 50; address++) {
            for (int i = 0; i < 5; i++) {
                assertThat(request("127.0.0." + address, "/api/v1/deals", basic("viewer", "guess")).status())
                        .isIn(401, 429);
            }
        }
        String fresh = "127.0.0.51";
        Answer userLimited = request(fresh, "/api/v1/deals", basic("VIEWER", "viewer-local"));
        assertThat(userLimited.status()).as("the attacked user, in any case, from a fresh address").isEqualTo(429);
        assertThat(request(fresh, "/api/v1/deals", basic("analyst2", "analyst2-local")).status())
                .as("another user from that address").isEqualTo(200);

        // after the window the right passwords work again
        Thread.sleep(Math.max(retryAfter, Long.parseLong(userLimited.headers().get("retry-after"))) * 1000 + 500);
        assertThat(request(attacker, "/api/v1/deals", basic("analyst", "analyst-local")).status()).isEqualTo(200);
        assertThat(request(fresh, "/api/v1/deals", basic("viewer", "viewer-local")).status()).isEqualTo(200);
    }
}
