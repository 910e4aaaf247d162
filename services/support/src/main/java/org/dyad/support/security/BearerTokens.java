package org.dyad.support.security;

import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Which bearer tokens Dyad accepts in {@code jwt} mode: signed (one of the configured algorithms, RS256 by default;
 * never {@code alg: none}) by a key of the issuer's JWK set, issued by the configured issuer, for one of the
 * configured audiences, with an expiry ({@code exp}) that has not passed and no {@code nbf} in the future (60 s of
 * clock skew allowed). The issuer and the audience are required: without them Dyad does not start, since a token
 * minted by the same identity provider for any other application would otherwise be accepted.
 */
public final class BearerTokens {

    /** Fetching the JWK set (or the discovery document) never holds a request for longer. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private BearerTokens() {
    }

    /** The decoder for the resource server's settings and Dyad's audience; refuses incomplete settings. */
    public static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt server, List<String> dyadAudience) {
        String issuer = server.getIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("dyad.security.mode=jwt needs the tokens' issuer: set "
                    + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to the issuer exactly as tokens name it "
                    + "in 'iss' (every token's issuer is checked against it; the keys come from "
                    + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI when set, else from the issuer's "
                    + "discovery document)");
        }
        List<String> audience = !dyadAudience.isEmpty() ? dyadAudience
                : server.getAudiences().stream().filter(a -> !a.isBlank()).toList();
        if (audience.isEmpty()) {
            throw new IllegalStateException("dyad.security.mode=jwt needs the audience tokens must be issued for: "
                    + "set DYAD_SECURITY_AUDIENCE (e.g. the client id Dyad has at the identity provider); a token "
                    + "whose 'aud' names none of them is refused");
        }
        if (server.getPublicKeyLocation() != null) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.public-key-location is not "
                    + "used by Dyad: serve the keys as a JWK set (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI)"
                    + " or let Dyad find them through the issuer");
        }
        List<SignatureAlgorithm> algorithms = server.getJwsAlgorithms().stream().map(name -> {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
            if (algorithm == null) {
                throw new IllegalStateException("unknown JWS algorithm '" + name
                        + "' in spring.security.oauth2.resourceserver.jwt.jws-algorithms");
            }
            return algorithm;
        }).toList();
        String jwkSetUri = server.getJwkSetUri();
        OAuth2TokenValidator<Jwt> validator = validator(issuer, audience);
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            // the discovery document is fetched at the first token, so Dyad starts while the issuer is away
            return new SupplierJwtDecoder(() -> build(NimbusJwtDecoder.withIssuerLocation(issuer), algorithms,
                    validator));
        }
        return build(NimbusJwtDecoder.withJwkSetUri(jwkSetUri), algorithms, validator);
    }

    private static JwtDecoder build(NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder,
                                    List<SignatureAlgorithm> algorithms, OAuth2TokenValidator<Jwt> validator) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(FETCH_TIMEOUT);
        requests.setReadTimeout(FETCH_TIMEOUT);
        NimbusJwtDecoder decoder = builder.jwsAlgorithms(allowed -> allowed.addAll(algorithms))
                .restOperations(new RestTemplate(requests)).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** Time (expiry required), issuer and audience. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audience) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(),
                token -> token.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                        : invalid("the token has no expiry ('exp'); Dyad accepts only tokens that expire"),
                new JwtIssuerValidator(issuer),
                token -> token.getAudience() != null && token.getAudience().stream().anyMatch(audience::contains)
                        ? OAuth2TokenValidatorResult.success()
                        : invalid("the token is not issued for this service: its audience ('aud') names none of "
                        + audience)));
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
