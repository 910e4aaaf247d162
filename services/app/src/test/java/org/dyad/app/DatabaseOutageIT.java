package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While PostgreSQL is down, commands get 503 with Retry-After and nothing is written; service resumes by itself. */
@Tag("reliability")
@DirtiesContext
// stops and starts the broker or database in this JVM, so always the embedded ones
@TestPropertySource(properties = {"dyad.test.scenario=database-outage", "dyad.test.infrastructure=embedded"})
class DatabaseOutageIT extends DyadIntegrationTest {

    @Autowired
    EmbeddedInfrastructure infrastructure;

    @Test
    void commandsAre503WhileTheDatabaseIsDownAndWorkAgainAfter() {
        String before = uniqueId("before-outage");
        assertThat(post("/api/v1/deals", dealReport(before, "AUS", "NZL", 1)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        infrastructure.stopPostgres();
        String during = uniqueId("during-outage");
        try {
            ResponseEntity<JsonNode> refused = post("/api/v1/deals", dealReport(during, "AUS", "NZL", 2));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(get("/api/v1/deals/" + before).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        } finally {
            infrastructure.startPostgres();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(post("/api/v1/deals", dealReport(uniqueId("after-outage"), "AUS", "NZL", 3))
                        .getStatusCode()).isEqualTo(HttpStatus.CREATED));
        assertThat(post("/api/v1/deals", dealReport(during, "AUS", "NZL", 2)).getStatusCode())
                .as("the refused command left nothing: its deal is reported as new").isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/v1/deals/" + before).getStatusCode()).isEqualTo(HttpStatus.OK));
    }
}
