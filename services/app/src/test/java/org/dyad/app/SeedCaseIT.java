package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed case posted through REST shows up, with its sources, in the relationship and pending-deal views. */
class SeedCaseIT extends DyadIntegrationTest {

    @Test
    void theRussiaIranSeedCaseAppearsInBothViewsWithItsSources() throws Exception {
        List<String> tokens = new ArrayList<>();
        try (InputStream in = new ClassPathResource("demo/russia-iran-2001.json").getInputStream()) {
            for (JsonNode step : json.readTree(in).path("steps")) {
                ResponseEntity<JsonNode> created = post(step.path("post").asText(), step.path("body"));
                assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                assertThat(created.getHeaders().getLocation()).hasToString(
                        step.path("post").asText() + "/" + step.path("body").path("id").asText());
                tokens.add(created.getBody().path("consistencyToken").asText());
            }
        }

        ResponseEntity<JsonNode> response = get("/api/v1/relationships/RUS/IRN?waitFor=" + String.join(",", tokens));
        assertThat(response.getHeaders().getFirst("Dyad-Consistent")).isEqualTo("true");
        JsonNode relationship = response.getBody();
        assertThat(relationship.path("parties").toString()).isEqualTo("[\"IRN\",\"RUS\"]");

        JsonNode agreements = relationship.path("agreements");
        assertThat(agreements).hasSize(2);
        for (JsonNode agreement : agreements) {
            assertThat(agreement.path("signedOn").asText()).isEqualTo("2001-03-12");
            assertThat(agreement.path("parties").findValuesAsText("status")).containsOnly("SIGNED");
            assertThat(agreement.path("sources").get(0).path("publisher").asText()).isEqualTo("Los Angeles Times");
        }
        assertThat(agreements.findValuesAsText("agreementId"))
                .containsExactlyInAnyOrder("rus-irn-2001-general-principles", "rus-irn-2001-caspian-principles");

        assertThat(relationship.path("deals")).hasSize(1);
        JsonNode deal = relationship.path("deals").get(0);
        assertThat(deal.path("supplier").asText()).isEqualTo("RUS");
        assertThat(deal.path("recipient").asText()).isEqualTo("IRN");
        JsonNode claim = deal.path("latestEstimates").get(0);
        assertThat(claim.path("estimate").path("amount").decimalValue()).isEqualByComparingTo("7000000000");
        assertThat(claim.path("estimate").path("qualifier").asText()).isEqualTo("COULD_REACH");
        assertThat(claim.path("source").path("quote").asText()).contains("could reach $7 billion");
        assertThat(relationship.path("estimateTotals").get(0).path("high").decimalValue())
                .isEqualByComparingTo("7000000000");
        assertThat(relationship.path("firstEventOn").asText()).isEqualTo("2001-03-12");

        JsonNode reversed = get("/api/v1/relationships/IRN/RUS").getBody();
        assertThat(reversed).isEqualTo(relationship);

        JsonNode pending = get("/api/v1/deals?status=PENDING&supplier=RUS&recipient=IRN").getBody();
        assertThat(pending.path("items").findValuesAsText("dealId")).contains("rus-irn-2001-arms-package");
        JsonNode delivered = get("/api/v1/deals?status=DELIVERED&supplier=RUS&recipient=IRN").getBody();
        assertThat(delivered.path("items").findValuesAsText("dealId")).doesNotContain("rus-irn-2001-arms-package");
        JsonNode wrongDirection = get("/api/v1/deals?status=PENDING&supplier=IRN&recipient=RUS").getBody();
        assertThat(wrongDirection.path("total").asLong()).isZero();
    }
}
