package org.dyad.support.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
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

    /** Without a JWK set URI the keys are found through the issuer's discovery document, at the first token. */
    @Test
    void withoutAJwkSetUriTheKeysComeFromTheIssuersDiscoveryDocument() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/dyad";
        serve(server, "/realms/dyad/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\"}");
        serve(server, "/realms/dyad/keys", new JWKSet(key.toPublicJWK()).toString());
        server.start();
        try {
            OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties.Jwt();
            settings.setIssuerUri(issuer);
            JwtDecoder decoder = BearerTokens.decoder(settings, List.of("dyad"));
            assertThat(decoder.decode(signed(key, issuer, "dyad")).getSubject()).isEqualTo("anna");
            assertThatThrownBy(() -> decoder.decode(signed(key, issuer + "x", "dyad")))
                    .isInstanceOf(JwtValidationException.class);
            assertThatThrownBy(() -> decoder.decode(signed(key, issuer, "other")))
                    .isInstanceOf(JwtValidationException.class).hasMessageContaining("audience");
        } finally {
            server.stop(0);
        }
    }

    private static void serve(HttpServer server, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private static String signed(RSAKey key, String issuer, String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("anna")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
