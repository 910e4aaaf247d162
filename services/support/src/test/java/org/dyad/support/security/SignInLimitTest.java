package org.dyad.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SignInLimitTest {

    private SignInLimit limit(Duration window, int perAddress, int perUser) {
        return new SignInLimit(new SignInLimitProperties(true, window, perAddress, perUser), new ObjectMapper(),
                new SimpleMeterRegistry());
    }

    @Test
    void anAddressOverItsLimitIsRefusedForAnyUserOthersAreNot() {
        SignInLimit limit = limit(Duration.ofMinutes(1), 3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.retryAfter("anna", "10.0.0.1")).isEmpty();
            limit.failed("anna", "10.0.0.1");
        }
        assertThat(limit.retryAfter("anna", "10.0.0.1")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(limit.retryAfter("bert", "10.0.0.1")).isPresent();
        assertThat(limit.retryAfter("anna", "10.0.0.2")).isEmpty();
    }

    @Test
    void aUserOverItsLimitIsRefusedFromAnyAddressInAnyCase() {
        SignInLimit limit = limit(Duration.ofMinutes(1), 100, 4);
        for (int i = 0; i < 4; i++) {
            limit.failed(i % 2 == 0 ? "Anna" : "anna", "10.0.0." + i);
        }
        assertThat(limit.retryAfter("ANNA", "10.0.0.99")).isPresent();
        assertThat(limit.retryAfter("bert", "10.0.0.1")).isEmpty();
    }

    @Test
    void theWindowEndsAFixedTimeAfterItsFirstFailure() throws InterruptedException {
        SignInLimit limit = limit(Duration.ofMillis(400), 2, 100);
        limit.failed("anna", "10.0.0.1");
        Thread.sleep(200);
        limit.failed("anna", "10.0.0.1");
        assertThat(limit.retryAfter("anna", "10.0.0.1")).isPresent();
        Thread.sleep(300);
        // further failures did not extend the window
        assertThat(limit.retryAfter("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void turnedOffNothingIsRefused() {
        SignInLimit limit = new SignInLimit(new SignInLimitProperties(false, null, 1, 1), new ObjectMapper(),
                new SimpleMeterRegistry());
        limit.failed("anna", "10.0.0.1");
        limit.failed("anna", "10.0.0.1");
        assertThat(limit.retryAfter("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void theBasicUserNameIsReadOrNothing() {
        String encoded = Base64.getEncoder().encodeToString("anna:pass:word".getBytes());
        assertThat(SignInLimitFilter.basicUserName("Basic " + encoded)).isEqualTo("anna");
        assertThat(SignInLimitFilter.basicUserName("basic " + encoded)).isEqualTo("anna");
        assertThat(SignInLimitFilter.basicUserName("Bearer " + encoded)).isNull();
        assertThat(SignInLimitFilter.basicUserName("Basic %%%")).isNull();
        assertThat(SignInLimitFilter.basicUserName("Basic " + Base64.getEncoder().encodeToString("anna".getBytes())))
                .isNull();
        assertThat(SignInLimitFilter.basicUserName(null)).isNull();
    }
}
