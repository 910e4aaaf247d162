package org.dyad.support.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTest {

    private final ProblemErrorController errors = new ProblemErrorController();

    private static MockHttpServletRequest failed(Object status, Object uri, Throwable cause) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, cause);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, cause == null ? null : cause.getMessage());
        return request;
    }

    @Test
    void aServerErrorSaysNothingInternal() {
        IllegalStateException cause = new IllegalStateException(
                "jdbc:postgresql://db.internal:5432/dyad password=hunter2 at org.dyad.ledger.Secret");
        ResponseEntity<ProblemDetail> answer = errors.error(failed(500, "/api/v1/deals", cause));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = answer.getBody();
        assertThat(problem.getDetail()).isEqualTo("the request could not be answered");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/v1/deals"));
        assertThat(problem.toString()).doesNotContain("hunter2").doesNotContain("postgresql")
                .doesNotContain("IllegalStateException").doesNotContain("org.dyad");
        assertThat(problem.getProperties()).isNullOrEmpty();
    }

    @Test
    void aClientErrorKeepsItsStatus() {
        for (int status : new int[]{400, 404, 405, 413, 415}) {
            ResponseEntity<ProblemDetail> answer = errors.error(failed(status, "/api/v1/x", null));
            assertThat(answer.getStatusCode().value()).isEqualTo(status);
            assertThat(answer.getBody().getDetail()).startsWith("the request was refused: ");
            assertThat(answer.getBody().getType()).isEqualTo(ProblemType.forStatus(status).uri());
            assertThat(ProblemType.forStatus(status).status().value()).isEqualTo(status);
        }
    }

    @Test
    void aStatusThatIsNotAnErrorOrUnknownBecomes500() {
        assertThat(errors.error(failed(200, "/x", null)).getStatusCode().value()).isEqualTo(500);
        assertThat(errors.error(failed(999, "/x", null)).getStatusCode().value()).isEqualTo(500);
        assertThat(errors.error(failed("400", "/x", null)).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void theErrorPathAskedForDirectlyServesNothing() {
        ResponseEntity<ProblemDetail> answer = errors.error(new MockHttpServletRequest("GET", "/error"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().getDetail()).isEqualTo("nothing is served at /error");
    }

    @Test
    void aFailedPathThatIsNotAUriIsLeftOut() {
        ResponseEntity<ProblemDetail> answer = errors.error(failed(400, "/a b|<c>", null));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().getInstance()).isNull();
    }
}
