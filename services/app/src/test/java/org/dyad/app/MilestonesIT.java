package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agreement's milestones through HTTP: the Arms Trade Treaty was adopted by the UN General Assembly on
 * 2013-04-02 and opened for signature on 2013-06-03. The provisional application by GBR of Articles 6 and 7 is a
 * test fact.
 */
class MilestonesIT extends DyadIntegrationTest {

    private static final String UNTC = """
            "source": {"publisher": "United Nations", "title": "United Nations Treaty Collection",
                       "publishedOn": "2024"}, "grade": "A1\"""";

    @Test
    void milestonesShowInTheAgreementFromTheirDates() {
        String id = uniqueId("att");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Arms Trade Treaty", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["GBR", "FRA"], "signedOn": "2013-06-03", "binding": true, %s}""".formatted(id, UNTC)));
        ok(post("/api/v1/agreements/" + id + "/milestones", """
                {"kind": "ADOPTION", "on": "2013-04-02", "note": "UN General Assembly resolution 67/234 B", %s}"""
                .formatted(UNTC)));
        String token = ok(post("/api/v1/agreements/" + id + "/milestones", """
                {"kind": "PROVISIONAL_APPLICATION", "on": "2013-09", "party": "GBR", "provisions": "Articles 6 and 7",
                 %s}""".formatted(UNTC)));

        JsonNode now = getConsistent("/api/v1/agreements/" + id, token).getBody();
        assertThat(now.path("milestones").findValuesAsText("kind"))
                .containsExactly("ADOPTION", "PROVISIONAL_APPLICATION");
        assertThat(now.path("milestones").get(1).path("provisions").asText()).isEqualTo("Articles 6 and 7");
        assertThat(get("/api/v1/agreements/" + id + "?asOf=2013-07-01").getBody().path("milestones")
                .findValuesAsText("kind")).containsExactly("ADOPTION");
    }

    @Test
    void aMilestoneBreakingARuleIsRefusedNamingTheField() {
        String id = uniqueId("att");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Arms Trade Treaty", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["GBR", "FRA"], "signedOn": "2013-06-03", %s}""".formatted(id, UNTC)));
        long head = storeHead();
        ResponseEntity<JsonNode> notAParty = post("/api/v1/agreements/" + id + "/milestones",
                "{\"kind\": \"PROVISIONAL_APPLICATION\", \"on\": \"2013-09\", \"party\": \"USA\", " + UNTC + "}");
        assertThat(notAParty.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notAParty.getBody().path("errors").get(0).path("field").asText()).isEqualTo("party");
        ResponseEntity<JsonNode> beforeSignature = post("/api/v1/agreements/" + id + "/milestones",
                "{\"kind\": \"PARTIAL_EFFECT\", \"on\": \"2013-01\", \"provisions\": \"Article 5\", " + UNTC + "}");
        assertThat(beforeSignature.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(beforeSignature.getBody().path("errors").get(0).path("field").asText()).isEqualTo("on");
        assertThat(storeHead()).isEqualTo(head);
    }
}
