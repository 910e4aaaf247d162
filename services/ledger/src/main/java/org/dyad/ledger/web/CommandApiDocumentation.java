package org.dyad.ledger.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents what every command endpoint shares, so the OpenAPI document states it once per operation: the
 * {@code Idempotency-Key} and {@code If-Match} headers, the answer's {@code ETag}, and the problem+json errors
 * (400 malformed, 404 unknown record, 409 illegal transition, 412 stale {@code If-Match}, 422 rule broken).
 */
@Component
class CommandApiDocumentation implements OpenApiCustomizer {

    /** The schema of {@code org.dyad.support.web.Problem}, which the application registers. */
    private static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            Operation post = item.getPost();
            // Jobs (imports, rebuilds) are not recording commands and take no Idempotency-Key; nor is the intake,
            // which sends its accepted proposals' commands with keys of its own (IntakeApiDocumentation).
            if (post == null || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/imports")
                    || path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/intake")) {
                return;
            }
            boolean change = path.contains("{");
            addHeaderIfAbsent(post, new HeaderParameter().name(CommandRecorder.IDEMPOTENCY_KEY).required(false)
                    .schema(new StringSchema().maxLength(255))
                    .description("a retry with the same key answers the first answer and writes nothing"));
            if (change) {
                addHeaderIfAbsent(post, new HeaderParameter().name("If-Match").required(false)
                        .schema(new StringSchema())
                        .description("the record's version as last read (its ETag); a stale one answers 412"));
            }
            ApiResponses responses = post.getResponses();
            responses.addApiResponse("400", problem("malformed request: each bad field is named with the reason"));
            if (change) {
                responses.addApiResponse("404", problem("no such record"));
            }
            responses.addApiResponse("409", problem(change
                    ? "illegal in the record's current state, or raced by another change"
                    : "a record with this id already exists"));
            if (change) {
                responses.addApiResponse("412", problem("the If-Match version is stale: the record changed since"));
            }
            responses.addApiResponse("422", problem("well-formed but breaks a rule (unknown actor, a date before the"
                    + " record began, a reused Idempotency-Key ...)"));
        });
    }

    /** Adds a header parameter unless the operation declares it itself (a parameter may appear only once). */
    private static void addHeaderIfAbsent(Operation operation, Parameter header) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> "header".equals(p.getIn()) && header.getName().equalsIgnoreCase(p.getName()))) {
            operation.addParametersItem(header);
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
    }
}
