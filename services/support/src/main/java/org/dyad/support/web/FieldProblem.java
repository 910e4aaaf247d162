package org.dyad.support.web;

/** One reason a request was refused, naming the field (a JSON path such as {@code source.url}) where it applies. */
public record FieldProblem(String field, String reason) {
}
