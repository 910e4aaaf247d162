package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typo in an actor code is refused rather than answered as an actor with nothing on record, and each refusal
 * names its kind of problem with a type that docs/problems.md lists.
 */
class UnknownActorIT extends DyadIntegrationTest {

    private static final String UNKNOWN_ACTOR = "/problems/unknown-actor";

    private void isUnknownActor(String path, String field, String code) {
        ResponseEntity<JsonNode> answer = get(path);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(404);
        JsonNode problem = answer.getBody();
        assertThat(problem.path("type").asText()).as(path).isEqualTo(UNKNOWN_ACTOR);
        assertThat(problem.path("errors").get(0).path("field").asText()).as(path).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("reason").asText()).as(path)
                .startsWith("unknown actor '" + code + "'");
    }

    @Test
    void anUnknownCodeInAPathOrAFilterIs404NamingItWithSuggestions() {
        ResponseEntity<JsonNode> relationship = get("/api/v1/relationships/RUS/IRA");
        assertThat(relationship.getStatusCode().value()).isEqualTo(404);
        assertThat(relationship.getBody().path("type").asText()).isEqualTo(UNKNOWN_ACTOR);
        assertThat(relationship.getBody().path("detail").asText())
                .startsWith("b: unknown actor 'IRA'; did you mean ").contains("IRN (Iran)", "IRQ (Iraq)");

        isUnknownActor("/api/v1/relationships/XXX/RUS", "a", "XXX");
        isUnknownActor("/api/v1/relationships?party=XXX", "party", "XXX");
        isUnknownActor("/api/v1/deals?supplier=XXX", "supplier", "XXX");
        isUnknownActor("/api/v1/deals?recipient=XXX", "recipient", "XXX");
        isUnknownActor("/api/v1/agreements?party=XXX", "party", "XXX");
        isUnknownActor("/api/v1/timeline?parties=RUS,XXX", "parties", "XXX");
        isUnknownActor("/api/v1/actors/XXX", "code", "XXX");
        isUnknownActor("/api/v1/actors/XXX/profile", "code", "XXX");

        assertThat(get("/api/v1/relationships/RUS/IRN").getStatusCode().value()).as("known actors still answer")
                .isEqualTo(200);
        assertThat(get("/api/v1/relationships/RUS/ATA").getStatusCode().value())
                .as("a known actor with nothing on record: an empty relationship").isEqualTo(200);
    }

    @Test
    void eachKindOfRefusalHasItsOwnDocumentedType() throws IOException {
        String deal = uniqueId("kinds");
        ok(post("/api/v1/deals", dealReport(deal, "RUS", "IRN", 1_000_000_000L)));
        List<String> types = new ArrayList<>();
        types.add(kind(get("/api/v1/relationships/RUS/XXX"), 404, "unknown-actor"));
        types.add(kind(get("/api/v1/deals/" + uniqueId("missing")), 404, "not-found"));
        types.add(kind(get("/api/v1/deals?size=0"), 400, "invalid-field"));
        types.add(kind(post("/api/v1/deals", "{\"id\": "), 400, "malformed-body"));
        types.add(kind(post("/api/v1/deals", dealReport(deal, "RUS", "IRN", 1_000_000_000L)), 409,
                "already-recorded"));
        types.add(kind(post("/api/v1/deals", dealReport(uniqueId("kinds"), "RUS", "XXX", 1_000_000_000L)), 422,
                "rule-violated"));

        String documented = Files.readString(repository().resolve("docs/problems.md"));
        for (String type : types) {
            assertThat(documented).as("docs/problems.md lists " + type).contains("| `" + type + "` |");
            // the type, resolved against the answer's address, is a page of this Dyad's, open to anyone
            ResponseEntity<String> page = as(null, null).getForEntity(type, String.class);
            assertThat(page.getStatusCode().value()).as(type).isEqualTo(200);
            assertThat(page.getBody()).contains("<code>" + type + "</code>", "What to do");
        }
    }

    /** The answer's problem type, checked against the expected status and kind. */
    private static String kind(ResponseEntity<JsonNode> answer, int status, String slug) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        String type = answer.getBody().path("type").asText();
        assertThat(type).isEqualTo("/problems/" + slug);
        return type;
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/problems.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        return dir;
    }
}
