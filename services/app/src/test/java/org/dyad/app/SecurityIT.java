package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, called without credentials and with each role: 401 without, 403 with a
 * role too low, never 401/403 with a role high enough, and no event written by a refused call.
 */
class SecurityIT extends DyadIntegrationTest {

    private static final Map<String, Integer> RANK = Map.of("viewer", 1, "analyst", 2, "admin", 3);

    /** The role an operation needs, by the rules of the API. */
    private static String needed(String method, String path) {
        if (path.equals("/api/v1/session")) {
            return "viewer"; // the dashboard's sign-in and sign-out, for every user
        }
        if (path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/imports")) {
            return "admin";
        }
        if (path.startsWith("/api/v1/watchlists") || path.startsWith("/api/v1/alerts")) {
            return "viewer"; // each user's own watchlists and alerts
        }
        if (path.startsWith("/api/v1/intake/")) {
            return "analyst"; // drafts are analysts' work, not records: closed to viewers, reads included
        }
        return "get".equals(method) ? "viewer" : "analyst";
    }

    private ResponseEntity<String> call(TestRestTemplate client, String method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        String concrete = path.replaceAll("\\{[^}]+}", "RUS").replace("/api/v1/stream", "/api/v1/stream?types=x");
        return client.exchange(concrete, HttpMethod.valueOf(method.toUpperCase()), new HttpEntity<>("{}", headers),
                String.class);
    }

    @Test
    void everyOperationIsClosedToStrangersAndToRolesTooLow() {
        JsonNode paths = as(null, null).getForEntity("/v3/api-docs", JsonNode.class).getBody().path("paths");
        List<String> checked = new ArrayList<>();
        long before = storeHead();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                String operation = method.toUpperCase() + " " + path.getKey();
                ResponseEntity<String> stranger = call(as(null, null), method, path.getKey());
                assertThat(stranger.getStatusCode()).as(operation + " without credentials")
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(stranger.getHeaders().getContentType()).as(operation)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                for (String role : List.of("viewer", "analyst", "admin")) {
                    ResponseEntity<String> answer = call(as(role, role + "-local"), method, path.getKey());
                    if (RANK.get(role) < RANK.get(needed(method, path.getKey()))) {
                        assertThat(answer.getStatusCode()).as(operation + " as " + role)
                                .isEqualTo(HttpStatus.FORBIDDEN);
                    } else {
                        assertThat(answer.getStatusCode()).as(operation + " as " + role)
                                .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
                    }
                }
                checked.add(operation);
            }
        }
        assertThat(checked).hasSizeGreaterThan(30).contains("POST /api/v1/deals", "GET /api/v1/deals",
                "POST /api/v1/admin/rebuilds");
        assertThat(storeHead()).as("no refused call wrote an event").isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsA401AndTheRecorderIsTheAuthenticatedUser() {
        assertThat(as("analyst", "guess").getForEntity("/api/v1/deals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String id = uniqueId("by-analyst");
        ResponseEntity<JsonNode> created = as("analyst", "analyst-local").postForEntity("/api/v1/deals",
                new HttpEntity<>(dealReport(id, "FRA", "EGY", 1), jsonHeaders()), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode deal = get("/api/v1/deals/" + id + "?waitFor=" + created.getBody().path("consistencyToken").asText())
                .getBody();
        assertThat(deal.path("history").get(0).path("event").path("provenance").path("recordedBy").asText())
                .isEqualTo("analyst");
    }

    /**
     * The error page answers for requests that failed; asked for directly, by anyone, it is refused (401 without
     * credentials, 403 with), never a 5xx. A request that does fail still gets its own status through it.
     */
    @Test
    void theErrorPageAskedForDirectlyIsNeverA5xx() {
        for (String role : new String[]{null, "viewer", "admin"}) {
            TestRestTemplate client = role == null ? as(null, null) : as(role, role + "-local");
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE)) {
                ResponseEntity<String> answer = client.exchange("/error", method, new HttpEntity<>(jsonHeaders()),
                        String.class);
                assertThat(answer.getStatusCode().is4xxClientError()).as(method + " /error as " + role + ": "
                        + answer.getStatusCode()).isTrue();
            }
        }
        assertThat(as(null, null).getForEntity("/error", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(null, null).getForEntity("/dashboard/no-such-file.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("viewer", "viewer-local").getForEntity("/api/v1/no-such-resource", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
