package org.dyad.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Before HTTP Basic checks a password: a request whose user or client address has too many failed sign-ins is
 * answered 429 by {@link SignInLimit} and its password is not checked. Requests without Basic credentials pass.
 */
final class SignInLimitFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final SignInLimit limit;

    SignInLimitFilter(SignInLimit limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userName = basicUserName(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (userName != null) {
            Optional<Duration> wait = limit.retryAfter(userName, request.getRemoteAddr());
            if (wait.isPresent()) {
                limit.refuse(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name of Basic credentials, or null if there are none or they cannot be read. */
    static String basicUserName(String authorization) {
        if (authorization == null || authorization.length() <= BASIC.length()
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
