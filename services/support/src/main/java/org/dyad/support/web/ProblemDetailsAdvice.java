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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refusal into RFC 9457 problem+json with an {@code errors} list of {@code {field, reason}}, so a client
 * can tell which field was wrong and why, and a {@code type} naming the kind of problem ({@link ProblemType}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String ERRORS = "errors";
    /** The media types a POST takes (RFC 7694 names it for 415 answers; {@code Accept} is set too). */
    public static final String ACCEPT_POST = "Accept-Post";

    @ExceptionHandler(ApiProblemException.class)
    public ResponseEntity<ProblemDetail> onApiProblem(ApiProblemException e) {
        return problem(e.type(), e.title(), e.getMessage(), e.problems());
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
        return problem(ProblemType.INVALID_FIELD, "Invalid request", summary(problems), problems);
    }

    /** The database is unreachable: nothing was written; the client may retry after a pause. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class})
    public ResponseEntity<ProblemDetail> onStorageUnavailable(Exception e) {
        ResponseEntity<ProblemDetail> problem = problem(ProblemType.STORAGE_UNAVAILABLE, "Storage unavailable",
                "the database cannot be reached; nothing was written; retry later", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException e) {
        String reason = "'" + e.getValue() + "' is not a valid value";
        return problem(ProblemType.INVALID_FIELD, "Invalid request", e.getName() + ": " + reason,
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
        return asObject(problem(ProblemType.INVALID_FIELD, "Invalid request", summary(problems), problems));
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
        return asObject(problem(ProblemType.INVALID_FIELD, "Invalid request", summary(problems), problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodySizeLimit.BodyTooLargeException tooLarge = cause(e, BodySizeLimit.BodyTooLargeException.class);
        if (tooLarge != null) {
            return asObject(onBodyTooLarge(tooLarge));
        }
        FieldProblem problem = describeUnreadable(e);
        return asObject(problem(ProblemType.MALFORMED_BODY, "Malformed request body", summary(List.of(problem)),
                List.of(problem)));
    }

    /** A body without a Content-Length that turned out longer than the limit while it was read. */
    @ExceptionHandler(BodySizeLimit.BodyTooLargeException.class)
    public ResponseEntity<ProblemDetail> onBodyTooLarge(BodySizeLimit.BodyTooLargeException e) {
        return problem(ProblemType.BODY_TOO_LARGE, "Body too large", e.getMessage(), List.of());
    }

    /** A multipart body that cannot be parsed, where an endpoint takes one (others refuse it by its type: 415). */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> onUnreadableMultipart(MultipartException e) {
        Throwable root = e.getMostSpecificCause();
        FieldProblem problem = new FieldProblem("body", "not a readable multipart/form-data body: "
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
        return problem(ProblemType.MALFORMED_BODY, "Malformed request body", summary(List.of(problem)),
                List.of(problem));
    }

    /** A body of a type the endpoint does not take: names the types it does take (also in {@code Accept-Post}). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        List<MediaType> taken = e.getSupportedMediaTypes().stream()
                .filter(t -> !t.isWildcardType() && !t.isWildcardSubtype()).toList();
        if (taken.contains(MediaType.APPLICATION_JSON) || taken.isEmpty()) {
            taken = List.of(MediaType.APPLICATION_JSON);
        }
        String given = request instanceof ServletWebRequest servlet ? servlet.getRequest().getContentType() : null;
        String send = "send " + MediaType.toString(taken)
                + (taken.contains(MediaType.APPLICATION_JSON) ? " in UTF-8" : "");
        FieldProblem problem = new FieldProblem(HttpHeaders.CONTENT_TYPE, given == null || given.isBlank()
                ? "a body needs a Content-Type; " + send : "'" + given + "' is not taken here; " + send);
        ResponseEntity<ProblemDetail> answer = problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                summary(List.of(problem)), List.of(problem));
        HttpHeaders hints = new HttpHeaders();
        hints.putAll(answer.getHeaders());
        hints.set(ACCEPT_POST, MediaType.toString(taken));
        hints.setAccept(taken);
        if (request instanceof ServletWebRequest servlet && HttpMethod.PATCH.matches(servlet.getRequest().getMethod())) {
            hints.setAcceptPatch(taken);
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(hints).body(answer.getBody());
    }

    /** A required query parameter that is missing: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        FieldProblem problem = new FieldProblem(e.getParameterName(), "required, and missing");
        return asObject(problem(ProblemType.INVALID_FIELD, "Invalid request", summary(List.of(problem)),
                List.of(problem)));
    }

    /** A required header that is missing: 400 naming it; other binding failures as Spring describes them. */
    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            FieldProblem problem = new FieldProblem(missing.getHeaderName(), "required header, and missing");
            return asObject(problem(ProblemType.INVALID_FIELD, "Invalid request", summary(List.of(problem)),
                    List.of(problem)));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    /**
     * Every other refusal Spring MVC answers itself (405, 404 of a missing resource …) is problem+json of Dyad's own
     * problem types too, not {@code about:blank}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(problemType(status.value()));
        }
        return answer;
    }

    /** An {@code Accept} the endpoint cannot answer: 406 as problem+json, whatever was asked for. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        List<MediaType> answered = e.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON)
                : e.getSupportedMediaTypes();
        String asked = request.getHeader(HttpHeaders.ACCEPT);
        FieldProblem problem = new FieldProblem(HttpHeaders.ACCEPT, "'" + asked + "' cannot be answered here; "
                + "answers are " + MediaType.toString(answered) + " (problems: application/problem+json)");
        return asObject(problem(ProblemType.NOT_ACCEPTABLE, "Not acceptable", summary(List.of(problem)),
                List.of(problem)));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static FieldProblem describeUnreadable(HttpMessageNotReadableException e) {
        StrictTextJsonFactory.InvalidTextException notUnicode = cause(e,
                StrictTextJsonFactory.InvalidTextException.class);
        if (notUnicode != null) {
            return new FieldProblem(notUnicode.field(), notUnicode.reason());
        }
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

    /** Dyad's problem type URI of a kind of problem (documented in docs/problems.md). */
    public static URI problemType(ProblemType kind) {
        return kind.uri();
    }

    /** The problem type URI of a status answered without a more precise kind ({@link ProblemType#forStatus}). */
    public static URI problemType(int status) {
        return ProblemType.forStatus(status).uri();
    }

    /** A problem of the kind a status stands for when nothing more precise is known. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                        List<FieldProblem> problems) {
        return problem(ProblemType.forStatus(status.value()), title, detail, problems);
    }

    /** A problem of a kind, answered with the kind's status. */
    public static ResponseEntity<ProblemDetail> problem(ProblemType kind, String title, String detail,
                                                        List<FieldProblem> problems) {
        HttpStatus status = kind.status();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(problemType(kind));
        if (!problems.isEmpty()) {
            body.setProperty(ERRORS, problems);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }
}
