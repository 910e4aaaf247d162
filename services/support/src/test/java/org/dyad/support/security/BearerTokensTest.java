package org.dyad.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    private static final String ISSUER = "https://id.example/realms/dyad";
    private final OAuth2TokenValidator<Jwt> validator = BearerTokens.validator(ISSUER, List.of("dyad", "dyad-api"));

    private OAuth2TokenValidatorResult validate(Consumer<Jwt.Builder> change) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).audience(List.of("dyad-api"))
                .subject("anna").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        change.accept(token);
        return validator.validate(token.build());
    }

    @Test
    void aRightTokenPasses() {
        assertThat(validate(t -> { }).hasErrors()).isFalse();
        assertThat(validate(t -> t.audience(List.of("account", "dyad"))).hasErrors()).isFalse();
    }

    @Test
    void expiryIsRequiredAndChecked() {
        assertThat(validate(t -> t.claims(c -> c.remove("exp"))).getErrors())
                .anySatisfy(e -> assertThat(e.getDescription()).contains("no expiry"));
        assertThat(validate(t -> t.issuedAt(Instant.now().minusSeconds(900))
                .expiresAt(Instant.now().minusSeconds(600))).hasErrors()).isTrue();
    }

    @Test
    void issuerAndAudienceAreChecked() {
        assertThat(validate(t -> t.issuer("https://id.example/realms/other")).hasErrors()).isTrue();
        assertThat(validate(t -> t.claims(c -> c.remove("iss"))).hasErrors()).isTrue();
        assertThat(validate(t -> t.audience(List.of("another-app"))).getErrors())
                .anySatisfy(e -> assertThat(e.getDescription()).contains("audience"));
        assertThat(validate(t -> t.claims(c -> c.remove("aud"))).hasErrors()).isTrue();
    }

    @Test
    void withoutIssuerOrAudienceDyadDoesNotStart() {
        OAuth2ResourceServerProperties.Jwt onlyKeys = new OAuth2ResourceServerProperties.Jwt();
        onlyKeys.setJwkSetUri("https://id.example/keys");
        assertThatThrownBy(() -> BearerTokens.decoder(onlyKeys, List.of("dyad")))
                .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        OAuth2ResourceServerProperties.Jwt withIssuer = new OAuth2ResourceServerProperties.Jwt();
        withIssuer.setJwkSetUri("https://id.example/keys");
        withIssuer.setIssuerUri(ISSUER);
        assertThatThrownBy(() -> BearerTokens.decoder(withIssuer, List.of()))
                .hasMessageContaining("DYAD_SECURITY_AUDIENCE");
        assertThat(BearerTokens.decoder(withIssuer, List.of("dyad"))).isNotNull();
    }
}
