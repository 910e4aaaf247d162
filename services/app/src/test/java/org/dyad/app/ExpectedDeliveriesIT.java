package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected deliveries recorded through HTTP and read back in the deal's schedule and the pending deals, at dates
 * before and after each expectation. India contracted five S-400 regiments from Russia on 2018-10-05; the
 * expectations below (their dates and quantities) are test facts.
 */
class ExpectedDeliveriesIT extends DyadIntegrationTest {

    private static final String PRESS = """
            "source": {"publisher": "The Hindu", "title": "S-400 deliveries", "publishedOn": "2023-03-21"},
            "grade": "B2\"""";

    private String contractedS400(String id) {
        return ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "CONTRACTED", "reportedOn": "2018-10-05",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(id, SIPRI_SOURCE)));
    }

    private static List<String> dueBy(JsonNode deal) {
        return deal.path("expectedDeliveries").findValuesAsText("dueBy");
    }

    @Test
    void theScheduleShowsInTheDealAndThePendingDealsAtEachDate() {
        String deal = uniqueId("s400");
        contractedS400(deal);
        ok(post("/api/v1/deals/" + deal + "/expected-deliveries", """
                {"statedOn": "2021-06", "dueFrom": "2021-10", "dueBy": "2022", "designation": "S-400", "quantity": 1,
                 "note": "first regiment by the end of 2021", %s}""".formatted(PRESS)));
        String token = ok(post("/api/v1/deals/" + deal + "/expected-deliveries", """
                {"statedOn": "2023-03", "dueBy": "2025-03", "designation": "S-400", "quantity": 2,
                 "note": "the remaining units are due within two years", %s}""".formatted(PRESS)));

        JsonNode now = getConsistent("/api/v1/deals/" + deal, token).getBody();
        assertThat(dueBy(now)).containsExactly("2022", "2025-03");
        assertThat(now.path("expectedDeliveries").get(0).path("dueFrom").asText()).isEqualTo("2021-10");
        assertThat(dueBy(get("/api/v1/deals/" + deal + "?asOf=2022-06-01").getBody())).containsExactly("2022");
        assertThat(dueBy(get("/api/v1/deals/" + deal + "?asOf=2020-01-01").getBody())).isEmpty();

        JsonNode pending = get("/api/v1/deals?status=PENDING&supplier=RUS&recipient=IND&size=500").getBody();
        JsonNode listed = null;
        for (JsonNode d : pending.path("items")) {
            if (d.path("dealId").asText().equals(deal)) {
                listed = d;
            }
        }
        assertThat(listed).as("the deal is pending").isNotNull();
        assertThat(dueBy(listed)).containsExactly("2022", "2025-03");
    }

    @Test
    void anExpectationBreakingARuleIsRefusedNamingTheFieldAndWritesNothing() {
        String deal = uniqueId("s400");
        contractedS400(deal);
        long head = storeHead();

        ResponseEntity<JsonNode> notAnItem = post("/api/v1/deals/" + deal + "/expected-deliveries",
                "{\"statedOn\": \"2023-03\", \"dueBy\": \"2025\", \"designation\": \"S-500\", " + PRESS + "}");
        assertThat(notAnItem.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notAnItem.getBody().path("errors").get(0).path("field").asText()).isEqualTo("designation");

        ResponseEntity<JsonNode> dueBeforeStated = post("/api/v1/deals/" + deal + "/expected-deliveries",
                "{\"statedOn\": \"2023-03\", \"dueBy\": \"2022\", " + PRESS + "}");
        assertThat(dueBeforeStated.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(dueBeforeStated.getBody().path("errors").get(0).path("field").asText()).isEqualTo("dueBy");

        ResponseEntity<JsonNode> noQuantity = post("/api/v1/deals/" + deal + "/expected-deliveries",
                "{\"statedOn\": \"2023-03\", \"dueBy\": \"2025\", \"quantity\": 0, " + PRESS + "}");
        assertThat(noQuantity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noQuantity.getBody().path("errors").findValuesAsText("field")).contains("quantity");
        assertThat(storeHead()).isEqualTo(head);
    }
}
