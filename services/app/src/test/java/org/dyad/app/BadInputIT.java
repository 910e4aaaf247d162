package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Refused commands answer problem+json naming the field and reason, and write no event. */
class BadInputIT extends DyadIntegrationTest {

    private void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String field, String reason) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("errors").toString()).contains("\"field\":\"" + field + "\"")
                .contains(reason);
    }

    @Test
    void malformedJsonIsA400AndWritesNothing() {
        long before = storeHead();
        assertRefused(post("/api/v1/deals", "{\"supplier\": \"RUS\","), HttpStatus.BAD_REQUEST, "body",
                "not valid JSON");
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void anImpossibleDateNamesItsField() {
        long before = storeHead();
        String body = dealReport(uniqueId("bad"), "RUS", "IRN", 1).replace("\"2001-03\"", "\"2001-02-30\"");
        assertRefused(post("/api/v1/deals", body), HttpStatus.BAD_REQUEST, "reportedOn",
                "there is no day 30 in February 2001, which has 28 days");
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsListed() {
        long before = storeHead();
        String body = dealReport(uniqueId("bad"), "RUS", "iran", 1)
                .replace("\"USD\"", "\"dollars\"").replace("\"quantity\": 4", "\"quantity\": -1");
        ResponseEntity<JsonNode> response = post("/api/v1/deals", body);
        assertRefused(response, HttpStatus.BAD_REQUEST, "recipient", "three-letter actor code");
        assertThat(response.getBody().path("errors").findValuesAsText("field"))
                .contains("estimate.currency", "items[0].quantity", "recipient");
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void anEstimateNamesTheFieldAtFaultAndOnlyRealCurrencies() {
        String id = uniqueId("estimate");
        ok(post("/api/v1/deals", dealReport(id, "RUS", "IND", 5)));
        String estimate = """
                {"estimate": {%s, "currency": "%s", "qualifier": "ABOUT"}, "estimatedOn": "2018-10",
                 "source": {"publisher": "Reuters", "title": "S-400 deal", "publishedOn": "2018-10-05"}}""";
        assertRefused(post("/api/v1/deals/" + id + "/estimates", estimate.formatted("\"amount\": 5430000000", "ABC")),
                HttpStatus.BAD_REQUEST, "estimate.currency", "ISO 4217");
        assertRefused(post("/api/v1/deals/" + id + "/estimates",
                        estimate.formatted("\"amount\": 5, \"low\": 4, \"high\": 6", "USD")),
                HttpStatus.BAD_REQUEST, "estimate.low", "not both");
        assertRefused(post("/api/v1/deals/" + id + "/estimates",
                        estimate.formatted("\"low\": 6, \"high\": 4", "USD")),
                HttpStatus.BAD_REQUEST, "estimate.low", "must not be above high");
        assertThat(ok(post("/api/v1/deals/" + id + "/estimates", estimate.formatted("\"amount\": 5", "DEM"))))
                .as("a historic ISO 4217 currency").isNotEmpty();
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        String body = dealReport(uniqueId("bad"), "RUS", "IRN", 1).replace("\"recipient\"", "\"recipent\"");
        assertRefused(post("/api/v1/deals", body), HttpStatus.BAD_REQUEST, "recipent", "Unrecognized field");
    }

    @Test
    void aWellFormedCommandThatBreaksARuleIsA422() {
        long before = storeHead();
        assertRefused(post("/api/v1/deals", dealReport(uniqueId("self"), "IRN", "IRN", 1)),
                HttpStatus.UNPROCESSABLE_ENTITY, "recipient", "supplier and recipient must differ");
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void reusingAnIdIsA409AndWritesNothing() {
        String id = uniqueId("twice");
        assertThat(post("/api/v1/deals", dealReport(id, "FRA", "IND", 5)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long before = storeHead();
        assertRefused(post("/api/v1/deals", dealReport(id, "FRA", "IND", 6)), HttpStatus.CONFLICT, "id",
                "already exists");
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void aBadQueryParameterIsA400() {
        ResponseEntity<JsonNode> response = get("/api/v1/deals?status=SOMETIME");
        assertRefused(response, HttpStatus.BAD_REQUEST, "status", "must be PENDING");
    }

    @Test
    void anOversizedBodyIsA413AndWritesNothing() {
        long before = storeHead();
        String huge = dealReport(uniqueId("huge"), "RUS", "IRN", 1)
                .replace("\"could reach $7 billion\"", "\"" + "x".repeat(2_000_000) + "\"");
        ResponseEntity<JsonNode> response = post("/api/v1/deals", huge);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void aCorrectionCannotMakeARecordLargerThanACommandMay() {
        String id = uniqueId("limits");
        assertThat(post("/api/v1/deals", dealReport(id, "RUS", "IND", 1)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String report = eventIdOf(id, 0);
        String correction = """
                {"eventId": "%s", "reason": "r", "changes": {%s},
                 "source": {"publisher": "P", "title": "T", "publishedOn": "2002"}}""";
        long before = storeHead();
        String manyItems = ("{\"designation\": \"T-90\"},".repeat(201) + "{\"designation\": \"T-90\"}");
        assertRefused(post("/api/v1/records/" + id + "/corrections", correction.formatted(report,
                "\"items\": [" + manyItems + "]")), HttpStatus.UNPROCESSABLE_ENTITY, "changes.items",
                "at most 200");
        assertRefused(post("/api/v1/records/" + id + "/corrections", correction.formatted(report,
                "\"items\": [{\"designation\": \"" + "x".repeat(201) + "\"}]")),
                HttpStatus.UNPROCESSABLE_ENTITY, "changes.items[0].designation", "size must be between");
        assertRefused(post("/api/v1/records/" + id + "/corrections", correction.formatted(report,
                "\"items\": [{\"designation\": \"" + "x".repeat(5000) + "\"}]")),
                HttpStatus.UNPROCESSABLE_ENTITY, "changes.items", "at most 2000");
        assertRefused(post("/api/v1/records/" + id + "/corrections", correction.replace("\"%s\"",
                "\"" + "e".repeat(101) + "\"").formatted("\"reportedOn\": \"2001\"")),
                HttpStatus.BAD_REQUEST, "eventId", "size must be between");
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void theErrorPathAnswersProblemJsonAndNeverA5xxForARequestThatDidNotFail() {
        for (org.springframework.boot.test.web.client.TestRestTemplate client : List.of(as(null, null), http)) {
            for (org.springframework.http.HttpMethod method : List.of(org.springframework.http.HttpMethod.GET,
                    org.springframework.http.HttpMethod.POST)) {
                ResponseEntity<String> answer = client.exchange("/error", method, null, String.class);
                assertThat(answer.getStatusCode().is5xxServerError()).as(method + " /error: " + answer).isFalse();
                assertThat(answer.getHeaders().getContentType()).as(method + " /error")
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    @Test
    void anUnknownDealIsA404Problem() {
        ResponseEntity<JsonNode> response = get("/api/v1/deals/no-such-deal");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theOpenApiDocumentDescribesEveryCommandWithItsHeadersAndErrors() {
        JsonNode paths = get("/v3/api-docs").getBody().path("paths");
        List<String> commands = new java.util.ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            // the intake's operations are no commands of their own (IntakeIT checks what the document says of them)
            if (!post.isMissingNode() && path.getKey().startsWith("/api/v1/") && !path.getKey().contains("/admin/")
                    && !path.getKey().startsWith("/api/v1/imports") && !path.getKey().startsWith("/api/v1/intake/")) {
                commands.add(path.getKey());
                assertThat(post.path("responses").fieldNames()).toIterable().as(path.getKey())
                        .contains("400", "409", "422");
                if (path.getKey().contains("{")) {
                    assertThat(post.path("responses").fieldNames()).toIterable().as(path.getKey()).contains("412");
                }
                assertThat(post.path("parameters").findValuesAsText("name")).as(path.getKey())
                        .contains("Idempotency-Key");
            }
        });
        assertThat(commands).contains("/api/v1/deals", "/api/v1/deals/{dealId}/cancellation",
                "/api/v1/agreements/{agreementId}/withdrawals", "/api/v1/statements",
                "/api/v1/records/{recordId}/corrections");
        assertThat(paths.path("/api/v1/deals/{dealId}/contract").path("post").path("parameters")
                .findValuesAsText("name")).contains("If-Match");
    }
}
