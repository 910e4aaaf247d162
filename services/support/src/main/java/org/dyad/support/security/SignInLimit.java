package org.dyad.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits failed sign-ins per client address and per user name (see {@link SignInLimitProperties}), so that
 * passwords cannot be guessed at the rate requests arrive. Every failed password check that Spring Security reports
 * ({@link AuthenticationFailureBadCredentialsEvent}, with the address from the request's
 * {@link WebAuthenticationDetails}) is counted; a sign-in path asks {@link #retryAfter} <em>before</em> checking a
 * password and, when it answers a duration, refuses with {@link #refuse} without checking it. HTTP Basic does so in
 * a filter before Spring Security's; any other sign-in path calls the same two methods (and sets
 * {@code WebAuthenticationDetails} on the token it authenticates, or calls {@link #failed} itself).
 * <p>
 * A success does not clear the counts: HTTP Basic signs in with every request, so a busy legitimate user would
 * otherwise keep resetting a guesser's count. Counts live in this process only.
 */
public class SignInLimit implements ApplicationListener<AuthenticationFailureBadCredentialsEvent> {

    private static final Logger log = LoggerFactory.getLogger(SignInLimit.class);
    /** Longer names cannot be users; they are counted under their first characters. */
    private static final int MAX_NAME_KEY = 200;

    private final SignInLimitProperties properties;
    private final ObjectMapper json;
    private final Cache<String, Window> windows;
    private final Counter failures;
    private final Counter refusals;

    public SignInLimit(SignInLimitProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.json = json;
        // a window ends a fixed time after its first failure, however many follow
        this.windows = Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, Window>() {
            @Override
            public long expireAfterCreate(String key, Window window, long now) {
                return properties.window().toNanos();
            }

            @Override
            public long expireAfterUpdate(String key, Window window, long now, long remaining) {
                return remaining;
            }

            @Override
            public long expireAfterRead(String key, Window window, long now, long remaining) {
                return remaining;
            }
        }).build();
        this.failures = Counter.builder("dyad.sign.in.failures").description("sign-ins refused for a wrong password")
                .register(meters);
        this.refusals = Counter.builder("dyad.sign.in.limited")
                .description("sign-ins refused with 429, unchecked, after too many failures").register(meters);
    }

    /**
     * How long sign-ins of this user from this address are refused, or empty if the password may be checked.
     *
     * @param userName      the name the caller gives (any case)
     * @param clientAddress the request's client address ({@code request.getRemoteAddr()}), or null if unknown
     */
    public Optional<Duration> retryAfter(String userName, String clientAddress) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long waitNanos = Math.max(remainingNanos(userKey(userName), properties.perUser(), now),
                clientAddress == null ? 0 : remainingNanos(addressKey(clientAddress), properties.perAddress(), now));
        return waitNanos > 0 ? Optional.of(Duration.ofNanos(waitNanos)) : Optional.empty();
    }

    /** Counts a failed sign-in (wrong password or unknown user) of this user from this address. */
    public void failed(String userName, String clientAddress) {
        if (!properties.enabled()) {
            return;
        }
        failures.increment();
        count(userKey(userName), properties.perUser());
        if (clientAddress != null) {
            count(addressKey(clientAddress), properties.perAddress());
        }
    }

    /** Answers 429 problem+json with {@code Retry-After} (whole seconds, rounded up). */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        refusals.increment();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                "too many failed sign-ins for this user or from this address: at most " + properties.perUser()
                        + " per user and " + properties.perAddress() + " per address in " + properties.window()
                        .toSeconds() + " s; the password was not checked; retry in " + seconds + " s",
                request.getRequestURI());
    }

    @Override
    public void onApplicationEvent(AuthenticationFailureBadCredentialsEvent event) {
        Object details = event.getAuthentication().getDetails();
        failed(event.getAuthentication().getName(),
                details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null);
    }

    private long remainingNanos(String key, int limit, long now) {
        Window window = windows.getIfPresent(key);
        if (window == null || window.failures.get() < limit) {
            return 0;
        }
        return Math.max(0, window.startNanos + properties.window().toNanos() - now);
    }

    private void count(String key, int limit) {
        long now = System.nanoTime();
        Window window = windows.asMap().compute(key, (k, current) ->
                current == null || now - current.startNanos >= properties.window().toNanos()
                        ? new Window(now) : current);
        if (window.failures.incrementAndGet() == limit) {
            log.warn("{} failed sign-ins for {}: further sign-ins refused for up to {} s", limit, key,
                    properties.window().toSeconds());
        }
    }

    private static String userKey(String userName) {
        String name = userName == null ? "" : userName.toLowerCase(Locale.ROOT);
        return "user " + (name.length() > MAX_NAME_KEY ? name.substring(0, MAX_NAME_KEY) : name);
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    /** Failures counted since a key's first failure. */
    private static final class Window {
        final long startNanos;
        final AtomicInteger failures = new AtomicInteger();

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }
}
