package org.dyad.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * How callers prove who they are.
 *
 * @param mode       {@code local}: the users below, with HTTP Basic; {@code jwt}: bearer tokens from an OAuth2
 *                   issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, required: every token's
 *                   {@code iss} must equal it; keys from {@code jwk-set-uri} when set, else from the issuer's
 *                   discovery document)
 * @param rolesClaim in {@code jwt} mode, the token claim that lists Dyad roles ({@code viewer}, {@code analyst},
 *                   {@code admin}): a claim name, or a dotted path into nested claims such as Keycloak's
 *                   {@code realm_access.roles}; a claim whose whole name contains dots is found first
 * @param audience   in {@code jwt} mode, the audiences Dyad accepts: a token must name at least one of them in
 *                   {@code aud}; required in that mode
 * @param users      in {@code local} mode, the users and their roles
 */
@ConfigurationProperties("dyad.security")
public record SecurityProperties(
        @DefaultValue("local") String mode,
        @DefaultValue("roles") String rolesClaim,
        List<String> audience,
        List<User> users) {

    public SecurityProperties {
        audience = audience == null ? List.of()
                : audience.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A local user: name, password and one role (roles include the ones below them). */
    public record User(String name, String password, String role) {
    }
}
