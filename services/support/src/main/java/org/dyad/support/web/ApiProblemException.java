package org.dyad.support.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal that becomes an RFC 7807 problem with the given status and field problems. */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> problems;

    public ApiProblemException(HttpStatus status, String title, String detail, List<FieldProblem> problems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public static ApiProblemException badRequest(String field, String reason) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    public static ApiProblemException notFound(String what) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "Not found", what + " does not exist", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
