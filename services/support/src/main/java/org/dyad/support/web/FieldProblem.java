package org.dyad.support.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** One reason a request was refused, naming the field (a JSON path such as {@code source.url}) where it applies. */
@Schema(description = "one field, parameter or header at fault, and why")
public record FieldProblem(
        @Schema(description = "a body field as a JSON path (source.url, commands[2].body.items[0]), a query "
                + "parameter, a path segment or a header") String field,
        @Schema(description = "why it is not acceptable") String reason) {
}
