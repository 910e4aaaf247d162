package org.dyad.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The servlet container's error page: problem+json with the status of the request that failed. A request for the
 * error path itself did not fail; it is answered 404, since nothing is served there (Dyad's security configuration
 * refuses such requests, 401 or 403, before they get here).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code == null) {
            return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found",
                    "nothing is served at " + request.getRequestURI(), List.of());
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? "the request could not be answered"
                : "the request was refused: " + status.getReasonPhrase();
        ResponseEntity<ProblemDetail> problem = ProblemDetailsAdvice.problem(status, status.getReasonPhrase(), detail,
                List.of());
        if (uri != null) {
            try {
                problem.getBody().setInstance(URI.create(uri.toString()));
            } catch (IllegalArgumentException notAUri) {
                // the failed request's path is not a URI; the problem goes without it
            }
        }
        return problem;
    }
}
