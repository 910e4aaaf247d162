package org.dyad.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of one kind of long-lived request (a parked query, an open live feed) each principal holds at once, and the
 * 429 problem that refuses one more. Taking and giving back are atomic per principal.
 */
public final class PerPrincipalBound {

    private final int max;
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    public PerPrincipalBound(int max) {
        this.max = max;
    }

    public int max() {
        return max;
    }

    /** Takes one for {@code principal}: false, and nothing taken, when it already holds the maximum. */
    public boolean tryTake(String principal) {
        boolean[] taken = {false};
        held.compute(principal, (p, count) -> {
            int holding = count == null ? 0 : count;
            if (holding >= max) {
                return count;
            }
            taken[0] = true;
            return holding + 1;
        });
        return taken[0];
    }

    public void giveBack(String principal) {
        held.computeIfPresent(principal, (p, count) -> count <= 1 ? null : count - 1);
    }

    /** The refusal of one more: 429 problem+json with {@code Retry-After}, saying that nothing was done. */
    public static ErrorResponseException refusal(String title, String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setTitle(title);
        problem.setType(ProblemDetailsAdvice.problemType(ProblemType.RATE_LIMITED));
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        return refusal;
    }
}
