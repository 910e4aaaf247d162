package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document kept in {@code docs/openapi.json}, from which the test client is generated, is the one Dyad
 * serves at {@code /v3/api-docs} (without its {@code servers}, which name the test's port). After a change to the
 * API, write the served one over it with {@code -Ddyad.openapi.write=true}. The document declares HTTP Basic and
 * bearer authentication for every operation, and a typed answer for every query.
 */
@TestPropertySource(properties = "dyad.test.scenario=answer-types")
class OpenApiDocumentIT extends DyadIntegrationTest {

    static final Path KEPT = Path.of("../../docs/openapi.json");

    private ObjectNode served() {
        ResponseEntity<JsonNode> document = as(null, null).getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        ObjectNode served = (ObjectNode) document.getBody();
        served.remove("servers");
        return served;
    }

    @Test
    void theKeptDocumentIsTheOneDyadServes() throws Exception {
        ObjectNode served = served();
        if (Boolean.getBoolean("dyad.openapi.write")) {
            Files.writeString(KEPT, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(json.readTree(Files.readString(KEPT)))
                .as("docs/openapi.json differs from /v3/api-docs: run OpenApiDocumentIT with -Ddyad.openapi.write=true")
                .isEqualTo(served);
    }

    @Test
    void everyOperationTakesBasicOrBearerAuthentication() {
        ObjectNode served = served();
        JsonNode schemes = served.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        List<String> global = new ArrayList<>();
        served.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).containsExactlyInAnyOrder("basicAuth", "bearerAuth");
    }

    @Test
    void everyQueryNamesTheTypeOfItsAnswerAndItsProblems() {
        List<String> untyped = new ArrayList<>();
        served().path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || !path.getKey().startsWith("/api/v1/")) {
                return;
            }
            get.path("responses").path("200").path("content").fields().forEachRemaining(media -> {
                JsonNode schema = media.getValue().path("schema");
                String type = schema.has("items") ? schema.path("items").path("$ref").asText()
                        : schema.path("$ref").asText();
                boolean typed = !type.isEmpty() && !type.endsWith("/JsonNode");
                if (media.getKey().matches("application/json|\\*/\\*") && !typed && !untyped.contains(path.getKey())) {
                    untyped.add(path.getKey());
                }
            });
            for (String status : List.of("401", "403", "406", "429", "503")) {
                assertThat(get.path("responses").path(status).path("content").path("application/problem+json")
                        .path("schema").path("$ref").asText()).as("%s answers %s", path.getKey(), status)
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(untyped).as("queries answering JSON of no declared type").isEmpty();
        assertThat(served().path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "instance", "errors");
    }
}
