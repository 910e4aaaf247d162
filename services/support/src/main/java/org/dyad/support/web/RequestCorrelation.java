package org.dyad.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request its correlation id: the caller's {@value #HEADER} when it is usable, else a new one. The id is
 * kept as a request attribute (a command's audit records it, and the events it causes carry it) and in the logging
 * context under {@value #MDC_KEY} while the request is handled, so every line logged for the request names it.
 */
public class RequestCorrelation extends OncePerRequestFilter {

    /** The request header that carries a caller's correlation id. */
    public static final String HEADER = "X-Correlation-Id";
    /** The request attribute holding the request's correlation id. */
    public static final String ATTRIBUTE = RequestCorrelation.class.getName() + ".id";
    /** The logging context's (MDC) key for the correlation id. */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** The request's correlation id: the one this filter gave it, else the caller's usable one, else a new one. */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String given = request.getHeader(HEADER);
        return given != null && USABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = of(request);
        request.setAttribute(ATTRIBUTE, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
