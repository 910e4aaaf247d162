package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal's link to the framework agreement it implements, recorded and read through HTTP: India's S-400 contract
 * of 2018-10-05 under the intergovernmental agreement signed at the same summit in New Delhi.
 */
class FrameworkLinkIT extends DyadIntegrationTest {

    private static final String PRESS = """
            "source": {"publisher": "Reuters", "title": "India, Russia sign S-400 deal", "publishedOn": "2018-10-05"},
            "grade": "B2\"""";

    @Test
    void theDealAndTheAgreementAnswerTheLinkAtTheTimesAskedAbout() {
        String agreement = uniqueId("s400-iga");
        String deal = uniqueId("s400");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Intergovernmental agreement on the S-400", "kind": "AGREEMENT",
                 "subjects": ["ARMS_TRADE"], "parties": ["RUS", "IND"], "signedOn": "2018-10-05", "binding": true,
                 %s}""".formatted(agreement, PRESS)));
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "CONTRACTED", "reportedOn": "2018-10-05",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, PRESS)));
        String beforeLink = Instant.now().toString();
        String linked = ok(post("/api/v1/deals/" + deal + "/framework",
                "{\"agreementId\": \"" + agreement + "\", " + PRESS + "}"));

        assertThat(getConsistent("/api/v1/deals/" + deal, linked).getBody().path("frameworkAgreementId").asText())
                .isEqualTo(agreement);
        assertThat(ids(get("/api/v1/agreements/" + agreement).getBody().path("implementingDeals")))
                .containsExactly(deal);
        assertThat(ids(get("/api/v1/agreements/" + agreement + "?asOf=2019-01-01").getBody()
                .path("implementingDeals"))).containsExactly(deal);
        assertThat(get("/api/v1/agreements/" + agreement + "?knownAt=" + beforeLink).getBody()
                .path("implementingDeals")).as("before the link was recorded").isEmpty();
        assertThat(get("/api/v1/deals/" + deal + "?knownAt=" + beforeLink).getBody().path("frameworkAgreementId")
                .asText(null)).isNull();
    }

    @Test
    void aLinkToNoAgreementOnRecordIsRefusedAndASecondLinkConflicts() {
        String agreement = uniqueId("s400-iga");
        String deal = uniqueId("s400");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Intergovernmental agreement on the S-400", "kind": "AGREEMENT",
                 "subjects": ["ARMS_TRADE"], "parties": ["RUS", "IND"], "signedOn": "2018-10-05", %s}"""
                .formatted(agreement, PRESS)));
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "CONTRACTED", "reportedOn": "2018-10-05",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, PRESS)));
        long head = storeHead();

        ResponseEntity<JsonNode> unknown = post("/api/v1/deals/" + deal + "/framework",
                "{\"agreementId\": \"no-such-agreement\", " + PRESS + "}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody().path("errors").get(0).path("field").asText()).isEqualTo("agreementId");
        assertThat(storeHead()).isEqualTo(head);

        ok(post("/api/v1/deals/" + deal + "/framework", "{\"agreementId\": \"" + agreement + "\", " + PRESS + "}"));
        assertThat(post("/api/v1/deals/" + deal + "/framework",
                "{\"agreementId\": \"" + agreement + "\", " + PRESS + "}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    private static java.util.List<String> ids(JsonNode array) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
