package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements that claim or dispute an amount, through HTTP: Iran claimed about $4 billion from Rosoboronexport in
 * 2011 over the cancelled S-300 contract.
 */
class ClaimsIT extends DyadIntegrationTest {

    private static final String PRESS = """
            "source": {"publisher": "RIA Novosti", "title": "Iran sues Russia over S-300", "publishedOn": "2011"},
            "grade": "B2\"""";

    private static String claim(String id, String amount, String currency) {
        return """
                {"id": "%s", "speaker": "IRN", "addressees": ["RUS"], "kind": "DEMAND", "madeOn": "2011",
                 "summary": "compensation for the cancelled S-300 contract (%s)",
                 "claim": {"amount": %s, "currency": "%s", "nature": "CLAIMED"}, %s}"""
                .formatted(id, id, amount, currency, PRESS);
    }

    @Test
    void aClaimIsRecordedWithItsAmountAndShownFromItsDate() {
        String id = uniqueId("irn-claim");
        String token = ok(post("/api/v1/statements", claim(id, "4000000000", "USD")));

        JsonNode now = getConsistent("/api/v1/relationships/RUS/IRN", token).getBody();
        JsonNode statement = null;
        for (JsonNode s : now.path("statements")) {
            if (s.path("statementId").asText().equals(id)) {
                statement = s;
            }
        }
        assertThat(statement).isNotNull();
        assertThat(statement.path("claim").path("amount").decimalValue()).isEqualByComparingTo("4000000000");
        assertThat(statement.path("claim").path("currency").asText()).isEqualTo("USD");
        assertThat(ids(get("/api/v1/relationships/RUS/IRN?asOf=2010-12-31").getBody().path("statements"),
                "statementId")).as("not yet made").doesNotContain(id);
    }

    @Test
    void aClaimInTivOrInNoCurrencyIsRefusedNamingTheField() {
        long head = storeHead();
        ResponseEntity<JsonNode> tiv = post("/api/v1/statements", claim(uniqueId("claim"), "400", "TIV"));
        assertThat(tiv.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tiv.getBody().path("errors").get(0).path("field").asText()).isEqualTo("claim.currency");

        ResponseEntity<JsonNode> unknown = post("/api/v1/statements", claim(uniqueId("claim"), "400", "ABC"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("errors").findValuesAsText("field")).contains("claim.currency");

        ResponseEntity<JsonNode> negative = post("/api/v1/statements", claim(uniqueId("claim"), "-1", "USD"));
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().path("errors").findValuesAsText("field")).contains("claim.amount");
        assertThat(storeHead()).isEqualTo(head);
    }
}
