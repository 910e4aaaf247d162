package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed case posted through REST, step by step as the demo loader does, shows up in the views with its sources —
 * now, as of a past date, and as known before a later report was recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a Dyad of its own: the case asserts everything on record between Russia and Iran, which other tests add to
@DirtiesContext
@TestPropertySource(properties = "dyad.test.scenario=seed-case")
class SeedCaseIT extends DyadIntegrationTest {

    private final List<String> tokens = new ArrayList<>();
    private Instant beforeRenunciationWasRecorded;

    @BeforeAll
    void postTheSeedCase() throws Exception {
        try (InputStream in = new ClassPathResource("demo/russia-iran-2001.json").getInputStream()) {
            for (JsonNode step : json.readTree(in).path("steps")) {
                if (step.path("key").asText().equals("agreement-1995-pact-renounced")) {
                    beforeRenunciationWasRecorded = Instant.now();
                }
                ResponseEntity<JsonNode> response = post(step.path("post").asText(), step.path("body"));
                assertThat(response.getStatusCode().is2xxSuccessful()).as(step.path("key").asText()).isTrue();
                if (response.getStatusCode() == HttpStatus.CREATED) {
                    assertThat(response.getHeaders().getLocation()).hasToString(
                            step.path("post").asText() + "/" + step.path("body").path("id").asText());
                }
                tokens.add(response.getBody().path("consistencyToken").asText());
            }
        }
        assertThat(get("/api/v1/deals?status=ALL&waitFor=" + String.join(",", tokens)).getHeaders()
                .getFirst("Dyad-Consistent")).isEqualTo("true");
    }

    private static JsonNode byId(JsonNode records, String field, String id) {
        return StreamSupport.stream(records.spliterator(), false).filter(r -> r.path(field).asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + records));
    }

    private static String partyStatus(JsonNode agreement, String party) {
        return byId(agreement.path("parties"), "party", party).path("status").asText();
    }

    @Test
    void theRelationshipShowsTheTwoAgreementsAndTheSevenBillionClaimWithSources() {
        JsonNode relationship = get("/api/v1/relationships/RUS/IRN").getBody();
        assertThat(relationship.path("parties").toString()).isEqualTo("[\"IRN\",\"RUS\"]");

        for (String id : List.of("rus-irn-2001-general-principles", "rus-irn-2001-caspian-principles")) {
            JsonNode agreement = byId(relationship.path("agreements"), "agreementId", id);
            assertThat(agreement.path("signedOn").asText()).isEqualTo("2001-03-12");
            assertThat(partyStatus(agreement, "RUS")).isEqualTo("SIGNED");
            assertThat(relationship.path("sources").path(agreement.path("sourceIds").get(0).asText()).path("publisher")
                    .asText()).isEqualTo("Los Angeles Times");
        }

        JsonNode deal = byId(relationship.path("deals"), "dealId", "rus-irn-2001-arms-package");
        assertThat(relationship.path("deals")).hasSize(1);
        assertThat(deal.path("supplier").asText()).isEqualTo("RUS");
        JsonNode claim = deal.path("latestEstimates").get(0);
        assertThat(claim.path("estimate").path("amount").decimalValue()).isEqualByComparingTo("7000000000");
        assertThat(claim.path("estimate").path("qualifier").asText()).isEqualTo("COULD_REACH");
        assertThat(relationship.path("sources").path(claim.path("provenance").path("sourceId").asText()).path("quote")
                .asText()).contains("could reach $7 billion");
        assertThat(claim.path("provenance").path("grade").asText()).isEqualTo("C3");
        assertThat(relationship.path("estimateTotals").get(0).path("high").decimalValue())
                .isEqualByComparingTo("7000000000");

        assertThat(ids(relationship.path("statements"), "kind"))
                .containsExactlyInAnyOrder("PLEDGE", "EXPECTATION", "PROTEST");
        JsonNode protest = byId(relationship.path("statements"), "statementId", "usa-rus-2001-conditional-protest");
        assertThat(protest.path("cameoCode").asText()).isEqualTo("114");
        assertThat(protest.path("condition").asText()).startsWith("if Russia sells Iran");
        assertThat(relationship.path("firstEventOn").asText()).isEqualTo("1995");
        assertThat(relationship.path("lastEventOn").asText()).isEqualTo("2001-03-12");
    }

    @Test
    void relationshipsAndListsCarryDealsWithoutHistoriesWhichTheDealAloneAnswers() {
        for (String path : List.of("/api/v1/relationships/RUS/IRN", "/api/v1/relationships/RUS/IRN?asOf=2001-12-31")) {
            JsonNode deal = byId(get(path).getBody().path("deals"), "dealId", "rus-irn-2001-arms-package");
            assertThat(deal.has("history")).as(path).isFalse();
            assertThat(deal.has("estimates")).as(path + ": every claim is in the deal's own answer").isFalse();
            assertThat(deal.path("latestEstimates")).as(path).isNotEmpty();
        }
        JsonNode listed = byId(get("/api/v1/deals?status=ALL&supplier=RUS&recipient=IRN").getBody().path("items"),
                "dealId", "rus-irn-2001-arms-package");
        assertThat(listed.has("history")).isFalse();
        assertThat(get("/api/v1/deals/rus-irn-2001-arms-package").getBody().path("history").findValuesAsText("type"))
                .contains("SaleReported");
        assertThat(get("/api/v1/deals/rus-irn-2001-arms-package").getBody().path("estimates")).isNotEmpty();
    }

    @Test
    void theOrderOfThePairDoesNotMatter() {
        assertThat(get("/api/v1/relationships/IRN/RUS").getBody()).isEqualTo(get("/api/v1/relationships/RUS/IRN")
                .getBody());
    }

    @Test
    void thePactConcerningIranWasRenouncedByRussiaAndDisclosed() {
        JsonNode pact = byId(get("/api/v1/relationships/RUS/IRN").getBody().path("agreements"), "agreementId",
                "rus-usa-1995-iran-arms-pact");
        assertThat(partyStatus(pact, "RUS")).isEqualTo("RENOUNCED");
        assertThat(partyStatus(pact, "USA")).isEqualTo("IN_FORCE");
        assertThat(pact.path("status").asText()).as("a bilateral pact one party renounced").isEqualTo("TERMINATED");
        assertThat(pact.path("secret").asBoolean()).isFalse();
        assertThat(pact.path("disclosedOn").asText()).isEqualTo("~2000-10");
    }

    @Test
    void asOfMid2000ThePactWasInForceAndStillSecret() {
        JsonNode relationship = get("/api/v1/relationships/RUS/IRN?asOf=2000-06-01").getBody();
        JsonNode pact = byId(relationship.path("agreements"), "agreementId", "rus-usa-1995-iran-arms-pact");
        assertThat(partyStatus(pact, "RUS")).isEqualTo("IN_FORCE");
        assertThat(pact.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(pact.path("secret").asBoolean()).isTrue();
        assertThat(relationship.path("agreements")).hasSize(1);
        assertThat(relationship.path("deals")).isEmpty();
    }

    @Test
    void knownBeforeTheRenunciationWasRecordedThereIsNoRenunciation() {
        JsonNode relationship = get("/api/v1/relationships/RUS/IRN?knownAt=" + beforeRenunciationWasRecorded)
                .getBody();
        JsonNode pact = byId(relationship.path("agreements"), "agreementId", "rus-usa-1995-iran-arms-pact");
        assertThat(partyStatus(pact, "RUS")).isEqualTo("IN_FORCE");
        assertThat(pact.path("history").findValuesAsText("type")).doesNotContain("AgreementRenounced");
        assertThat(relationship.path("deals")).hasSize(1);
    }

    @Test
    void theSovietContractsOf1989AreBetweenTheSovietUnionAndIran() {
        JsonNode relationship = get("/api/v1/relationships/SUN/IRN").getBody();
        assertThat(ids(relationship.path("deals"), "dealId"))
                .containsExactly("sun-irn-1989-fighter-aircraft", "sun-irn-1989-kilo-submarines");
        JsonNode submarines = byId(relationship.path("deals"), "dealId", "sun-irn-1989-kilo-submarines");
        assertThat(submarines.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(submarines.path("items").get(0).path("unCategory").asText()).isEqualTo("VI_WARSHIPS");
        assertThat(submarines.path("stage").asText()).isEqualTo("CONTRACTED");
        assertThat(relationship.path("firstEventOn").asText()).as("a pair with deals only").startsWith("1989");
    }

    @Test
    void thePendingDealsAreTheReportedAndContractedOnes() {
        JsonNode pending = get("/api/v1/deals?status=PENDING&recipient=IRN").getBody();
        assertThat(ids(pending.path("items"), "dealId")).contains("rus-irn-2001-arms-package",
                "sun-irn-1989-kilo-submarines");
        JsonNode wrongDirection = get("/api/v1/deals?status=PENDING&supplier=IRN&recipient=RUS").getBody();
        assertThat(wrongDirection.path("total").asLong()).isZero();
    }
}
