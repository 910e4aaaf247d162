package org.dyad.support.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal that becomes an RFC 9457 problem of a kind (its type and status) with field problems. */
public class ApiProblemException extends RuntimeException {

    private final ProblemType type;
    private final String title;
    private final List<FieldProblem> problems;

    public ApiProblemException(ProblemType type, String title, String detail, List<FieldProblem> problems) {
        super(detail);
        this.type = type;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    /** A problem of the kind a status stands for ({@link ProblemType#forStatus}). */
    public ApiProblemException(HttpStatus status, String title, String detail, List<FieldProblem> problems) {
        this(ProblemType.forStatus(status.value()), title, detail, problems);
    }

    public static ApiProblemException badRequest(String field, String reason) {
        return new ApiProblemException(ProblemType.INVALID_FIELD, "Invalid request", field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    public static ApiProblemException notFound(String what) {
        return new ApiProblemException(ProblemType.NOT_FOUND, "Not found", what + " does not exist", List.of());
    }

    /**
     * An actor code that names no actor, in a path or a filter: 404 naming the code, with the closest known actors
     * ({@code suggestions}, e.g. "RUS (Russia)"), so a typo does not read as "nothing on record".
     */
    public static ApiProblemException unknownActor(String field, String code, List<String> suggestions) {
        String reason = "unknown actor '" + code + "'" + (suggestions.isEmpty() ? ""
                : "; did you mean " + String.join(", ", suggestions) + "?");
        return new ApiProblemException(ProblemType.UNKNOWN_ACTOR, "Unknown actor", field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    public ProblemType type() {
        return type;
    }

    public HttpStatus status() {
        return type.status();
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
