package org.dyad.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem as Dyad answers it ({@code application/problem+json}), built by {@link ProblemDetailsAdvice}:
 * the OpenAPI document's schema of every error answer.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; docs/problems.md lists every type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "the kind of problem, a URI reference relative to the answer's address "
                + "(e.g. /problems/unknown-actor), where Dyad serves a page describing it",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String type,
        @Schema(description = "a short summary of the kind of problem") String title,
        @Schema(description = "the HTTP status", requiredMode = Schema.RequiredMode.REQUIRED) int status,
        @Schema(description = "what went wrong with this request, in the user's terms") String detail,
        @Schema(description = "the path of the request refused") String instance,
        @Schema(description = "each field, parameter or header at fault with the reason; absent when none is "
                + "named")
        List<FieldProblem> errors) {
}
