package org.dyad.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.dyad.ledger.Audit;

/**
 * The request a command's endpoint sees when the command arrives inside another request (a command of a batch, a
 * proposal of an accepted intake draft): the outer request's principal, client and body source, sent with
 * {@code POST} to the command's own path, with the idempotency key, {@code If-Match} version and correlation id the
 * outer request gives it (each absent when null), whatever the outer request's own headers say.
 */
public final class NestedCommandRequest extends HttpServletRequestWrapper {

    private final String path;
    private final String idempotencyKey;
    private final String ifMatch;
    private final String correlationId;

    public NestedCommandRequest(HttpServletRequest request, String path, String idempotencyKey, String ifMatch,
                                String correlationId) {
        super(request);
        this.path = path;
        this.idempotencyKey = idempotencyKey;
        this.ifMatch = ifMatch;
        this.correlationId = correlationId;
    }

    @Override
    public String getHeader(String name) {
        if (CommandRecorder.IDEMPOTENCY_KEY.equalsIgnoreCase(name)) {
            return idempotencyKey;
        }
        if (Audit.CORRELATION_HEADER.equalsIgnoreCase(name)) {
            return correlationId;
        }
        if ("If-Match".equalsIgnoreCase(name)) {
            return ifMatch;
        }
        return super.getHeader(name);
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getRequestURI() {
        return path;
    }
}
