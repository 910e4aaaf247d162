package org.dyad.app.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.dyad.contracts.common.PartialDate;
import org.dyad.support.web.Problem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * What the OpenAPI document says about Dyad as a whole: how a client authenticates (HTTP Basic for the local users,
 * a bearer token, a JWT, in {@code jwt} mode; every operation takes either), and the problem+json errors every
 * operation of the API can answer.
 */
@Configuration
class ApiInfoConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    static {
        // a partial date is written as text (PartialDate's @JsonValue), not as its parts
        SpringDocUtils.getConfig().replaceWithSchema(PartialDate.class, new StringSchema()
                .pattern("^~?\\d{4}(-\\d{2}(-\\d{2})?)?$")
                .description("a partial date: YYYY, YYYY-MM or YYYY-MM-DD, '~' before it when approximate"));
    }

    @Bean
    OpenAPI dyadApi() {
        return new OpenAPI().info(new Info().title("Dyad API").version("v1").description(
                        "Record sourced facts about arms transfers and treaties between states (commands), and read "
                                + "the relationships, deals and agreements they build (views). Every view takes asOf "
                                + "(a date) and knownAt (an instant); every error is RFC 9457 problem+json."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("the local users (DYAD_SECURITY_MODE=local, the default)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("an OAuth2 access token of the configured issuer and audience "
                                        + "(DYAD_SECURITY_MODE=jwt); roles from its roles claim")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The {@code Problem} schema, and on every operation of the API the errors any request can meet: 401 without
     * valid credentials, 403 without the role, 406 for an {@code Accept} it cannot answer, 429 over the rate limit,
     * 503 while the database cannot be reached; 400 where it takes parameters, 404 where its path names a record or
     * an actor. Errors particular to an operation are declared on it.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(Problem.class);
            schemas.forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (path.startsWith("/api/")) {
                    addProblems(path, operation);
                }
            }));
        };
    }

    private static void addProblems(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()
                || operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "a parameter, header or body field is not acceptable; errors names each");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "no record with this id, or an actor code that names no actor");
        }
        addIfAbsent(responses, "401", "no credentials, or credentials refused");
        addIfAbsent(responses, "403", "the user's role does not allow this request");
        addIfAbsent(responses, "406", "the Accept header asks for a type this operation cannot answer");
        addIfAbsent(responses, "429", "too many requests for this user or address; wait the seconds in Retry-After");
        addIfAbsent(responses, "503", "the database cannot be reached; retry after the seconds in Retry-After");
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
    }
}
