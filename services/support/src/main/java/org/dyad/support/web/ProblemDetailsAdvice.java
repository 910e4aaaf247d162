package org.dyad.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refusal into RFC 7807 problem+json with an {@code errors} list of {@code {field, reason}}, so a client
 * can tell which field was wrong and why.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String ERRORS = "errors";

    @ExceptionHandler(ApiProblemException.class)
    public ResponseEntity<ProblemDetail> onApiProblem(ApiProblemException e) {
        return problem(e.status(), e.title(), e.getMessage(), e.problems());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException e) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return new FieldProblem(path.substring(path.indexOf('.') + 1), v.getMessage());
                })
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(problems), problems);
    }

    /** The database is unreachable: nothing was written; the client may retry after a pause. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class})
    public ResponseEntity<ProblemDetail> onStorageUnavailable(Exception e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable",
                "the database cannot be reached; nothing was written; retry later", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException e) {
        String reason = "'" + e.getValue() + "' is not a valid value";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + ": " + reason,
                List.of(new FieldProblem(e.getName(), reason)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g ->
                problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return asObject(problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(problems), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return asObject(problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(problems), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        FieldProblem problem = describeUnreadable(e);
        return asObject(problem(HttpStatus.BAD_REQUEST, "Malformed request body", summary(List.of(problem)),
                List.of(problem)));
    }

    static FieldProblem describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable root = m;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
            return new FieldProblem(field, reason);
        }
        if (cause instanceof JsonProcessingException j) {
            return new FieldProblem("body", "not valid JSON: " + j.getOriginalMessage());
        }
        return new FieldProblem("body", "a JSON body is required");
    }

    private static String summary(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; "));
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                        List<FieldProblem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("https://dyad.example/problems/" + status.value()));
        if (!problems.isEmpty()) {
            body.setProperty(ERRORS, problems);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }
}
