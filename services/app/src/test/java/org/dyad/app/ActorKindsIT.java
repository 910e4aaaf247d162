package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Companies and state agencies through HTTP: India's S-400 contract of 2018-10-05, signed with Rosoboronexport, is
 * accepted and listed in the agency's profile; Dassault Aviation, a French company, cannot sign for a Russian supply.
 */
class ActorKindsIT extends DyadIntegrationTest {

    private static final String PRESS = """
            "source": {"publisher": "Reuters", "title": "India, Russia sign S-400 deal", "publishedOn": "2018-10-05"},
            "grade": "B2\"""";

    private static String sale(String id, String signedBy) {
        return """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "CONTRACTED", "reportedOn": "2018-10-05",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}],
                 "signedBy": "%s", %s}""".formatted(id, signedBy, PRESS);
    }

    @Test
    void theActorListShowsKindsAndTheStateEachBelongsTo() {
        JsonNode agency = get("/api/v1/actors/GRO").getBody();
        assertThat(agency.path("name").asText()).isEqualTo("Rosoboronexport");
        assertThat(agency.path("kind").asText()).isEqualTo("STATE_AGENCY");
        assertThat(agency.path("belongsTo").asText()).isEqualTo("RUS");
        List<String> companies = new ArrayList<>();
        get("/api/v1/actors?kind=COMPANY").getBody().forEach(a -> companies.add(a.path("code").asText()
                + "→" + a.path("belongsTo").asText()));
        assertThat(companies).contains("CDA→FRA", "CLM→USA", "CNG→FRA", "CHA→IND");
    }

    @Test
    void aDealSignedByTheExportAgencyIsAcceptedShownAndListedInItsProfile() {
        String deal = uniqueId("s400-signed");
        String recorded = ok(post("/api/v1/deals", sale(deal, "GRO")));

        assertThat(getConsistent("/api/v1/deals/" + deal, recorded).getBody().path("signedBy").asText())
                .isEqualTo("GRO");
        JsonNode profile = get("/api/v1/actors/GRO/profile").getBody();
        assertThat(profile.path("actor").path("belongsTo").asText()).isEqualTo("RUS");
        List<String> signed = new ArrayList<>();
        profile.path("signedDeals").forEach(d -> signed.add(d.path("dealId").asText()));
        assertThat(signed).contains(deal);
        assertThat(profile.path("asSupplier").path("deals").asInt()).as("the deal belongs to the state pair")
                .isZero();
        List<String> russian = new ArrayList<>();
        get("/api/v1/relationships/RUS/IND").getBody().path("deals")
                .forEach(d -> russian.add(d.path("dealId").asText()));
        assertThat(russian).contains(deal);
    }

    @Test
    void aFrenchCompanyNamedAsSignerOfARussianSupplyIsRefusedNamingTheField() {
        long head = storeHead();
        ResponseEntity<JsonNode> refused = post("/api/v1/deals", sale(uniqueId("s400-dassault"), "CDA"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode error = refused.getBody().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("signedBy");
        assertThat(error.path("reason").asText()).contains("Dassault Aviation").contains("FRA");
        assertThat(storeHead()).isEqualTo(head);
    }

    @Test
    void aContractNamesTheSignerWithinTheDealsPair() {
        String deal = uniqueId("s400-contract");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "NEGOTIATING", "reportedOn": "2016-10-15",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, PRESS)));
        ResponseEntity<JsonNode> refused = post("/api/v1/deals/" + deal + "/contract",
                "{\"on\": \"2018-10-05\", \"signedBy\": \"CLM\", " + PRESS + "}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("signedBy");
        String contracted = ok(post("/api/v1/deals/" + deal + "/contract",
                "{\"on\": \"2018-10-05\", \"signedBy\": \"GRO\", " + PRESS + "}"));
        assertThat(getConsistent("/api/v1/deals/" + deal, contracted).getBody().path("signedBy").asText())
                .isEqualTo("GRO");
    }

    @Test
    void aCorrectionOfTheSignerKeepsTheSameRule() {
        // Invented: both corrections are test facts, to exercise the rule on corrections.
        String deal = uniqueId("s400-corrected");
        ok(post("/api/v1/deals", sale(deal, "GRO")));
        String report = eventIdOf(deal, 0);
        long head = storeHead();
        ResponseEntity<JsonNode> refused = post("/api/v1/records/" + deal + "/corrections", """
                {"eventId": "%s", "reason": "the source named the manufacturer", "changes": {"signedBy": "CDA"},
                 %s}""".formatted(report, PRESS));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("changes.signedBy");
        assertThat(storeHead()).isEqualTo(head);

        String corrected = ok(post("/api/v1/records/" + deal + "/corrections", """
                {"eventId": "%s", "reason": "signed by the buyer's manufacturer", "changes": {"signedBy": "CHA"},
                 %s}""".formatted(report, PRESS)));
        assertThat(getConsistent("/api/v1/deals/" + deal, corrected).getBody().path("signedBy").asText())
                .isEqualTo("CHA");
    }
}
