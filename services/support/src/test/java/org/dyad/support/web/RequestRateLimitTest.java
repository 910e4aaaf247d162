package org.dyad.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimitTest {

    /** Two requests per window, and a window long enough that no test sees it refill by accident. */
    private static final RateLimitProperties.Allowance TWO_PER_LONG_WINDOW = new RateLimitProperties.Allowance(0.01, 2);

    private final ObjectMapper json = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    private RequestRateLimit limit(RateLimitProperties.Allowance reads, RateLimitProperties.Allowance writes,
                                   RateLimitProperties.Allowance anonymous) {
        return new RequestRateLimit(new RateLimitProperties(true, null, reads, writes, anonymous, null), json, meters);
    }

    private RequestRateLimit limitOfTwo() {
        return limit(TWO_PER_LONG_WINDOW, TWO_PER_LONG_WINDOW, TWO_PER_LONG_WINDOW);
    }

    private static Authentication signedIn(String name, String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles).map(r -> "ROLE_" + r).toList()));
    }

    /** Sends one request as {@code caller} (null: anonymous) and answers the response; passed means a controller ran. */
    private static MockHttpServletResponse send(RequestRateLimit limit, Authentication caller, String method,
                                                String path, String address) throws Exception {
        if (caller == null) {
            SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        } else {
            SecurityContextHolder.getContext().setAuthentication(caller);
        }
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        if (caller != null) {
            request.setUserPrincipal(caller);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        limit.doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).as("passed on to the controller")
                .isEqualTo(response.getStatus() != 429);
        return response;
    }

    private static int status(RequestRateLimit limit, Authentication caller, String method, String path)
            throws Exception {
        return send(limit, caller, method, path, "192.0.2.1").getStatus();
    }

    @Test
    void aPrincipalOverItsReadAllowanceIsRefusedWithProblemJsonAndRetryAfter() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        Authentication ana = signedIn("ana", "viewer");
        assertThat(status(limit, ana, "GET", "/api/v1/deals")).isEqualTo(200);
        assertThat(status(limit, ana, "GET", "/api/v1/deals")).isEqualTo(200);

        MockHttpServletResponse refused = send(limit, ana, "GET", "/api/v1/deals", "192.0.2.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 201L);
        JsonNode problem = json.readTree(refused.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/deals");
        assertThat(problem.path("detail").asText()).contains("reads by ana").contains("nothing was done")
                .contains("retry in " + retryAfter + " s");
        assertThat(meters.counter("dyad.api.requests.limited", "kind", "reads").count()).isEqualTo(1.0);
    }

    @Test
    void readsAndWritesHaveSeparateAllowances() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        Authentication ana = signedIn("ana", "analyst");
        status(limit, ana, "GET", "/api/v1/deals");
        status(limit, ana, "GET", "/api/v1/deals");
        assertThat(status(limit, ana, "GET", "/api/v1/deals")).isEqualTo(429);

        assertThat(status(limit, ana, "POST", "/api/v1/deals")).isEqualTo(200);
        assertThat(status(limit, ana, "PUT", "/api/v1/deals/1")).isEqualTo(200);
        MockHttpServletResponse refused = send(limit, ana, "DELETE", "/api/v1/deals/1", "192.0.2.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(json.readTree(refused.getContentAsByteArray()).path("detail").asText()).contains("writes by ana");
    }

    @Test
    void eachPrincipalHasItsOwnAllowanceWhateverItsAddress() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        Authentication ana = signedIn("ana", "viewer");
        Authentication bo = signedIn("bo", "viewer");
        send(limit, ana, "GET", "/api/v1/deals", "192.0.2.1");
        send(limit, ana, "GET", "/api/v1/deals", "192.0.2.2");
        assertThat(send(limit, ana, "GET", "/api/v1/deals", "192.0.2.3").getStatus()).isEqualTo(429);

        assertThat(send(limit, bo, "GET", "/api/v1/deals", "192.0.2.1").getStatus()).isEqualTo(200);
        assertThat(send(limit, bo, "GET", "/api/v1/deals", "192.0.2.1").getStatus()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsShareOneAllowancePerAddress() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        send(limit, null, "GET", "/api/v1/deals", "192.0.2.1");
        send(limit, null, "POST", "/api/v1/session", "192.0.2.1");
        MockHttpServletResponse refused = send(limit, null, "GET", "/api/v1/deals", "192.0.2.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(json.readTree(refused.getContentAsByteArray()).path("detail").asText())
                .contains("without credentials from this address");

        assertThat(send(limit, null, "GET", "/api/v1/deals", "192.0.2.9").getStatus()).isEqualTo(200);
        assertThat(meters.counter("dyad.api.requests.limited", "kind", "anonymous").count()).isEqualTo(1.0);
    }

    @Test
    void holdersOfAnExemptRoleAreNotLimited() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        Authentication root = signedIn("root", "admin");
        for (int i = 0; i < 10; i++) {
            assertThat(status(limit, root, "POST", "/api/v1/admin/rebuild")).isEqualTo(200);
        }
        RequestRateLimit exemptingAnalysts = new RequestRateLimit(new RateLimitProperties(true, List.of("analyst"),
                TWO_PER_LONG_WINDOW, TWO_PER_LONG_WINDOW, TWO_PER_LONG_WINDOW, null), json, meters);
        for (int i = 0; i < 10; i++) {
            assertThat(status(exemptingAnalysts, signedIn("ana", "analyst"), "POST", "/api/v1/deals"))
                    .isEqualTo(200);
        }
        status(exemptingAnalysts, root, "POST", "/api/v1/deals");
        status(exemptingAnalysts, root, "POST", "/api/v1/deals");
        assertThat(status(exemptingAnalysts, root, "POST", "/api/v1/deals")).as("admin is exempt only by default")
                .isEqualTo(429);
    }

    @Test
    void healthProbesAndReadsOfTheDashboardsFilesAreNotCharged() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/", "/index.html",
                "/dashboard/app.js", "/dashboard/css/site.css", "/webjars/x/y.js", "/favicon.ico")) {
            for (int i = 0; i < 5; i++) {
                assertThat(status(limit, null, "GET", path)).as(path).isEqualTo(200);
            }
        }
        assertThat(status(limit, null, "HEAD", "/dashboard/app.js")).isEqualTo(200);
        assertThat(status(limit, null, "GET", "/api/v1/deals")).as("the allowance is untouched").isEqualTo(200);
        assertThat(status(limit, null, "GET", "/api/v1/deals")).isEqualTo(200);
        assertThat(status(limit, null, "GET", "/api/v1/deals")).isEqualTo(429);
    }

    @Test
    void writesToTheDashboardsPathsAreCharged() throws Exception {
        RequestRateLimit limit = limitOfTwo();
        status(limit, null, "POST", "/dashboard/app.js");
        status(limit, null, "POST", "/dashboard/app.js");
        assertThat(status(limit, null, "POST", "/dashboard/app.js")).isEqualTo(429);
    }

    @Test
    void aDisabledLimitPassesEverything() throws Exception {
        RequestRateLimit limit = new RequestRateLimit(new RateLimitProperties(false, null, TWO_PER_LONG_WINDOW,
                TWO_PER_LONG_WINDOW, TWO_PER_LONG_WINDOW, null), json, meters);
        for (int i = 0; i < 10; i++) {
            assertThat(status(limit, null, "GET", "/api/v1/deals")).isEqualTo(200);
        }
    }

    @Test
    void theAllowanceReturnsAfterItsWindow() throws Exception {
        // two requests per 100 ms window
        RateLimitProperties.Allowance shortWindow = new RateLimitProperties.Allowance(20.0, 2);
        RequestRateLimit limit = limit(shortWindow, shortWindow, shortWindow);
        Authentication ana = signedIn("ana", "viewer");
        int refusedAtOnce = 0;
        for (int i = 0; i < 20; i++) {
            if (status(limit, ana, "GET", "/api/v1/deals") == 429) {
                refusedAtOnce++;
            }
        }
        assertThat(refusedAtOnce).as("a burst of 20 cannot fit in ten 100 ms windows of 2 on any machine "
                + "unless the limit is not applied").isPositive();
        MockHttpServletResponse refused;
        do {
            refused = send(limit, ana, "GET", "/api/v1/deals", "192.0.2.1");
        } while (refused.getStatus() != 429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

        Thread.sleep(500);

        assertThat(status(limit, ana, "GET", "/api/v1/deals")).isEqualTo(200);
    }
}
