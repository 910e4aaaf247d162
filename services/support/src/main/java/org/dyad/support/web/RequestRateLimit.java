package org.dyad.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits the rate of requests per authenticated principal (reads and writes apart) and per client address for
 * anonymous requests. A request over its caller's allowance is answered 429 problem+json with {@code Retry-After}
 * before any controller sees it, so it writes nothing. Runs after authentication; health probes and reads of the
 * dashboard's own files ({@link RateLimitProperties#staticFiles()}) are never limited.
 */
public class RequestRateLimit extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final ObjectMapper json;
    private final Set<String> exemptAuthorities;
    /** One limiter per caller and kind; callers idle for a while are forgotten (a fresh one has a full allowance). */
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final MeterRegistry meters;
    private final List<PathPattern> staticFiles;

    public RequestRateLimit(RateLimitProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.staticFiles = properties.staticFiles().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.exemptAuthorities = properties.exemptRoles().stream().map(role -> "ROLE_" + role)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || request.getRequestURI().startsWith("/actuator/health")
                || isStaticFileRead(request);
    }

    private boolean isStaticFileRead(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(
                request.getContextPath().length()));
        return staticFiles.stream().anyMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = caller == null || !caller.isAuthenticated()
                || caller instanceof AnonymousAuthenticationToken;
        if (!anonymous && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(exemptAuthorities::contains)) {
            chain.doFilter(request, response);
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String kind = anonymous ? "anonymous" : read ? "reads" : "writes";
        RateLimitProperties.Allowance allowance = anonymous ? properties.anonymous()
                : read ? properties.reads() : properties.writes();
        String key = kind + ":" + (anonymous ? request.getRemoteAddr() : caller.getName());
        RateLimiter limiter = limiters.get(key, k -> RateLimiter.of(k, config(allowance)));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        long nanosToWait = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait() : Duration.ofSeconds(1).toNanos();
        long retryAfter = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        Counter.builder("dyad.api.requests.limited").description("requests refused with 429 for their rate")
                .tag("kind", kind).register(meters).increment();
        refuse(request, response, kind, allowance, retryAfter);
    }

    private static RateLimiterConfig config(RateLimitProperties.Allowance allowance) {
        long windowNanos = Math.max(1, Math.round(allowance.burst() / allowance.perSecond() * 1e9));
        return RateLimiterConfig.custom()
                .limitForPeriod(allowance.burst())
                .limitRefreshPeriod(Duration.ofNanos(windowNanos))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String kind,
                        RateLimitProperties.Allowance allowance, long retryAfter) throws IOException {
        String who = "anonymous".equals(kind) ? "requests without credentials from this address"
                : kind + " by " + request.getUserPrincipal().getName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "too many "
                + who + ": at most " + allowance.perSecond() + " per second (bursts of " + allowance.burst()
                + ") are accepted; nothing was done; retry in " + retryAfter + " s");
        problem.setTitle("Too many requests");
        problem.setType(ProblemDetailsAdvice.problemType(ProblemType.RATE_LIMITED));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
