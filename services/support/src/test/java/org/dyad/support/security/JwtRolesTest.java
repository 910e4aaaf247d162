package org.dyad.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRolesTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> authorities(String path, Map<String, Object> claims) {
        return new JwtRoles(path).convert(token(claims)).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aTopLevelClaimListsTheRoles() {
        assertThat(authorities("roles", Map.of("roles", List.of("viewer", "analyst"))))
                .containsExactly("ROLE_viewer", "ROLE_analyst");
    }

    @Test
    void aDottedPathReadsNestedClaimsAsKeycloakPutsThem() {
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", List.of("offline_access", "admin")),
                "roles", List.of("viewer"));
        assertThat(authorities("realm_access.roles", keycloak)).containsExactly("ROLE_offline_access", "ROLE_admin");
        assertThat(authorities("resource_access.dyad.roles",
                Map.of("resource_access", Map.of("dyad", Map.of("roles", List.of("analyst"))))))
                .containsExactly("ROLE_analyst");
    }

    @Test
    void aClaimNamedWithDotsIsFoundWholeFirst() {
        assertThat(authorities("https://dyad.example/roles", Map.of("https://dyad.example/roles", List.of("viewer"))))
                .containsExactly("ROLE_viewer");
    }

    @Test
    void aStringOfNamesIsSplitAndAnythingElseGivesNoRole() {
        assertThat(authorities("roles", Map.of("roles", "viewer analyst,admin")))
                .containsExactly("ROLE_viewer", "ROLE_analyst", "ROLE_admin");
        assertThat(authorities("realm_access.roles", Map.of("realm_access", "viewer"))).isEmpty();
        assertThat(authorities("realm_access.roles", Map.of("other", 1))).isEmpty();
        assertThat(authorities("roles", Map.of("roles", Map.of("admin", true)))).isEmpty();
    }

    @Test
    void theNameIsThePreferredUserNameElseTheSubject() {
        assertThat(new JwtRoles("roles").convert(token(Map.of("preferred_username", "anna"))).getName())
                .isEqualTo("anna");
        assertThat(new JwtRoles("roles").convert(token(Map.of())).getName()).isEqualTo("sub-1");
    }
}
