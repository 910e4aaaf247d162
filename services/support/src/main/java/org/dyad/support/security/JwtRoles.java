package org.dyad.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated token into Dyad's principal: its name ({@code preferred_username}, else {@code sub}) and the
 * roles listed at the configured claim path. The path is a claim name or a dotted path into nested claims
 * ({@code realm_access.roles} for Keycloak's realm roles); a top-level claim whose whole name contains dots (as in
 * {@code https://dyad.example/roles}) is found first. The roles may be a JSON array or one string of names
 * separated by spaces or commas. A token without roles authenticates but may do nothing but what needs no role.
 */
public final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claimPath;

    public JwtRoles(String claimPath) {
        if (claimPath == null || claimPath.isBlank()) {
            throw new IllegalStateException("dyad.security.roles-claim (DYAD_SECURITY_ROLES_CLAIM) must name the "
                    + "claim that lists the roles, e.g. roles or realm_access.roles");
        }
        this.claimPath = claimPath.trim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = roles(jwt).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null && !name.isBlank() ? name : jwt.getSubject());
    }

    /** The role names the token carries at the claim path; none if the path leads nowhere or to another type. */
    List<String> roles(Jwt jwt) {
        Object value = jwt.getClaims().containsKey(claimPath) ? jwt.getClaims().get(claimPath)
                : at(jwt.getClaims(), claimPath.split("\\."));
        if (value instanceof Collection<?> names) {
            return names.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(n -> !n.isBlank()).toList();
        }
        if (value instanceof String names) {
            return Arrays.stream(names.split("[\\s,]+")).filter(n -> !n.isBlank()).toList();
        }
        return List.of();
    }

    private static Object at(Map<String, Object> claims, String[] path) {
        Object current = claims;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
