package org.dyad.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Failed sign-ins allowed before further attempts are refused without checking the password
 * ({@code dyad.security.sign-in-limit.*}). Failures are counted per client address (any user names) and per user
 * name (from any address) in windows that begin at a key's first failure; over either limit, attempts are answered
 * 429 until that window ends.
 *
 * @param enabled    false turns the limit off
 * @param window     how long failures are remembered, and so the longest refusal
 * @param perAddress failures from one client address that start refusing it
 * @param perUser    failures for one user name, from all addresses together, that start refusing that name
 */
@ConfigurationProperties("dyad.security.sign-in-limit")
public record SignInLimitProperties(Boolean enabled, Duration window, Integer perAddress, Integer perUser) {

    public SignInLimitProperties {
        enabled = enabled == null || enabled;
        window = window == null ? Duration.ofMinutes(5) : window;
        perAddress = perAddress == null ? 20 : perAddress;
        perUser = perUser == null ? 50 : perUser;
        if (window.isNegative() || window.isZero() || perAddress < 1 || perUser < 1) {
            throw new IllegalArgumentException("dyad.security.sign-in-limit needs a positive window and limits >= 1,"
                    + " not " + window + ", " + perAddress + ", " + perUser);
        }
    }
}
