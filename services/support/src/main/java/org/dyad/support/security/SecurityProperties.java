package org.dyad.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * How callers prove who they are.
 *
 * @param mode       {@code local}: the users below, with HTTP Basic; {@code jwt}: bearer tokens from an OAuth2
 *                   issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri})
 * @param rolesClaim in {@code jwt} mode, the token claim that lists Dyad roles ({@code viewer}, {@code analyst},
 *                   {@code admin})
 * @param users      in {@code local} mode, the users and their roles
 */
@ConfigurationProperties("dyad.security")
public record SecurityProperties(
        @DefaultValue("local") String mode,
        @DefaultValue("roles") String rolesClaim,
        List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A local user: name, password and one role (roles include the ones below them). */
    public record User(String name, String password, String role) {
    }
}
