package org.dyad.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.dyad.support.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.net.URI;

/** 401, 403 and 429 as RFC 7807 problem+json, like every other refusal of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json, String challenge) {
        return (request, response, e) -> {
            // A refused bearer token says why (RFC 6750: error="invalid_token"); missing credentials only ask.
            String reason = e instanceof OAuth2AuthenticationException refused ? refused.getError().getDescription()
                    : null;
            // A script (the dashboard) asks for its own credentials; a challenge would make the browser prompt.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", e instanceof OAuth2AuthenticationException refused
                        ? challenge + " error=\"" + refused.getError().getErrorCode() + "\"" : challenge);
            }
            write(json, response, HttpStatus.UNAUTHORIZED, "Authentication required", reason != null
                            ? "the bearer token was refused: " + reason
                            : "this request needs credentials: " + challenge.split(" ")[0] + " authentication",
                    request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN, "Not allowed",
                e instanceof CsrfException ? "a write signed in with the dashboard's cookie needs the CSRF token of "
                        + DashboardSession.PATH + " in the " + DashboardSession.CSRF_HEADER + " header"
                        : "your role does not allow " + request.getMethod() + " " + request.getRequestURI(),
                request.getRequestURI());
    }

    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
                              String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(ProblemDetailsAdvice.problemType(status.value()));
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
