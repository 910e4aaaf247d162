package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller over its allowance gets 429 problem+json with Retry-After and nothing is written; other callers are not
 * affected, and the allowance comes back after the time Retry-After names. Limits here are tiny (3 requests per
 * 6-second window); the defaults are far higher.
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
        "dyad.security.users[3].role=admin"})
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
        long before = storedEvents();
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
        assertThat(storedEvents() - before).as("one event per accepted write, none for the refused")
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
}
