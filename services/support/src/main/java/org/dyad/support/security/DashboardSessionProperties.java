package org.dyad.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The dashboard's sign-in cookie.
 *
 * @param key      the secret that signs the cookie in {@code local} mode (with the user's password digest); every
 *                 instance behind one address needs the same. Blank: one derived from the local users' names and
 *                 passwords, the same on every instance configured alike
 * @param validity how long a sign-in lasts (in {@code jwt} mode no longer than the token itself)
 */
@ConfigurationProperties("dyad.dashboard.session")
public record DashboardSessionProperties(
        String key,
        @DefaultValue("PT8H") Duration validity) {
}
