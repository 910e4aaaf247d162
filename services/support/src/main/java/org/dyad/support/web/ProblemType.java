package org.dyad.support.web;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Arrays;

/**
 * The kinds of problem Dyad answers (RFC 9457 {@code type}): one URI per kind, whatever the HTTP status, so a client
 * can tell an unknown actor from an unknown record, or a stale version from a concurrent change. Each is listed in
 * {@code docs/problems.md} with its status, meaning and what to do.
 */
public enum ProblemType {

    INVALID_FIELD("invalid-field", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    UNKNOWN_ACTOR("unknown-actor", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT),
    ALREADY_RECORDED("already-recorded", HttpStatus.CONFLICT),
    CONCURRENT_CHANGE("concurrent-change", HttpStatus.CONFLICT),
    OPERATION_RUNNING("operation-running", HttpStatus.CONFLICT),
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED),
    BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RULE_VIOLATED("rule-violated", HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY),
    UNREADABLE_EVENT("unreadable-event", HttpStatus.UNPROCESSABLE_ENTITY),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
    REQUEST_REFUSED("request-refused", HttpStatus.BAD_REQUEST),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    STORAGE_UNAVAILABLE("storage-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /**
     * Each kind's URI is this path and its name: a reference relative to the answer's own address (RFC 9457, 3.1.1),
     * so it resolves to the Dyad that answered, which serves a page for each kind there.
     */
    public static final String BASE = "/problems/";

    private final String slug;
    private final HttpStatus status;

    ProblemType(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    /** The status this kind is answered with ({@link #REQUEST_REFUSED}: any client error without a kind of its own). */
    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /**
     * The kind a status is answered as when nothing more precise is known (a refusal Spring MVC or the servlet
     * container answers itself): the first kind of that status, else {@link #REQUEST_REFUSED} for client errors and
     * {@link #INTERNAL_ERROR} for server errors.
     */
    public static ProblemType forStatus(int status) {
        return Arrays.stream(values()).filter(kind -> kind != REQUEST_REFUSED && kind.status.value() == status)
                .findFirst().orElse(status >= 500 ? INTERNAL_ERROR : REQUEST_REFUSED);
    }
}
