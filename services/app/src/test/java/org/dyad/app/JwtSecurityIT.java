package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dyad in {@code jwt} mode against a test issuer: an RSA key made here, its JWK set served over HTTP from this test,
 * tokens minted with Nimbus. Roles come from Keycloak's nested {@code realm_access.roles}. A right token gets what
 * its role allows (a role too low: 403 problem+json); a token that is expired, has no expiry, names another issuer
 * or audience, is signed by another key, names an unknown key, is unsigned ({@code alg: none}) or signed with the
 * public key as an HMAC secret gets 401 problem+json with a Bearer challenge, and writes nothing. The dashboard's
 * sign-in trades a token for an HttpOnly cookie that authenticates as the token would, and no longer.
 */
@DirtiesContext
@TestPropertySource(properties = {
        "dyad.test.scenario=jwt",
        "dyad.security.mode=jwt",
        "dyad.security.audience=dyad-api",
        "dyad.security.roles-claim=realm_access.roles"})
class JwtSecurityIT extends DyadIntegrationTest {

    private static final String AUDIENCE = "dyad-api";
    private static final TestIssuer ISSUER = TestIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop();
    }

    /** Claims of a right token for a user with one role, in Keycloak's layout. */
    private static JWTClaimsSet.Builder claims(String user, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER.issuer())
                .audience(List.of(AUDIENCE, "account"))
                .subject("subject-of-" + user)
                .claim("preferred_username", user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("realm_access", Map.of("roles", List.of("offline_access", role, "uma_authorization")));
    }

    private static String token(String user, String role) {
        return ISSUER.sign(claims(user, role).build());
    }

    private static String token(String user, String role, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims(user, role);
        change.accept(claims);
        return ISSUER.sign(claims.build());
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return as(null, null).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) throws IOException {
        return json.readTree(response.getBody());
    }

    private void assertForbidden(ResponseEntity<String> answer, String what) throws IOException {
        assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(answer).path("status").asInt()).as(what).isEqualTo(403);
    }

    @Test
    void eachRoleGetsWhatItMayAndNoMore() throws IOException {
        String viewer = token("vera", "viewer");
        String analyst = token("anna", "analyst");
        String admin = token("adam", "admin");

        assertThat(call(HttpMethod.GET, "/api/v1/deals", viewer, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertForbidden(call(HttpMethod.POST, "/api/v1/deals", viewer, dealReport(uniqueId("jwt-viewer"), "FRA",
                "EGY", 1)), "a viewer records");

        String id = uniqueId("jwt-analyst");
        ResponseEntity<String> created = call(HttpMethod.POST, "/api/v1/deals", analyst,
                dealReport(id, "FRA", "EGY", 1));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertForbidden(call(HttpMethod.GET, "/api/v1/admin/dead-letters", analyst, null), "an analyst administers");
        assertForbidden(call(HttpMethod.GET, "/actuator/metrics", analyst, null), "an analyst reads metrics");

        assertThat(call(HttpMethod.GET, "/api/v1/admin/dead-letters", admin, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.GET, "/actuator/metrics", admin, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> deal = call(HttpMethod.GET, "/api/v1/deals/" + id + "?waitFor="
                + body(created).path("consistencyToken").asText(), admin, null);
        assertThat(deal.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(deal).path("history").get(0).path("event").path("provenance").path("recordedBy").asText())
                .as("the recorder is the token's preferred_username").isEqualTo("anna");
    }

    @Test
    void rolesAreReadOnlyAtTheConfiguredClaimPath() throws IOException {
        // the same role at the top level, where the default path would look, is not a role here
        String topLevelOnly = token("tom", "viewer", c -> c.claim("realm_access", Map.of("roles", List.of()))
                .claim("roles", List.of("admin")));
        assertForbidden(call(HttpMethod.GET, "/api/v1/deals", topLevelOnly, null), "roles outside realm_access");
    }

    @Test
    void everyFlawedTokenIsRefusedWith401AndWritesNothing() throws Exception {
        RSAKey otherKeySameId = new RSAKeyGenerator(2048).keyID(ISSUER.keyId()).generate();
        RSAKey unknownKey = new RSAKeyGenerator(2048).keyID("not-in-the-set").generate();
        Map<String, String> flawed = new LinkedHashMap<>();
        flawed.put("expired", token("anna", "analyst", c -> c
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))));
        flawed.put("without expiry", token("anna", "analyst", c -> c.expirationTime(null)));
        flawed.put("not yet valid", token("anna", "analyst", c -> c
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))));
        flawed.put("from another issuer", token("anna", "analyst", c -> c.issuer(ISSUER.issuer() + "-other")));
        flawed.put("without issuer", token("anna", "analyst", c -> c.issuer(null)));
        flawed.put("for another audience", token("anna", "analyst", c -> c.audience("another-application")));
        flawed.put("without audience", token("anna", "analyst", c -> c.audience((String) null)));
        flawed.put("signed by another key with the set's key id", sign(otherKeySameId, claims("anna", "analyst")));
        flawed.put("signed by a key not in the set", sign(unknownKey, claims("anna", "analyst")));
        flawed.put("unsigned (alg none)", new PlainJWT(claims("anna", "analyst").build()).serialize());
        flawed.put("HS256 keyed with the public key", hmacWithPublicKey(claims("anna", "analyst")));
        String valid = token("anna", "analyst");
        flawed.put("with its signature altered", valid.substring(0, valid.length() - 4)
                + (valid.endsWith("AAAA") ? "BBBB" : "AAAA"));
        flawed.put("not a token", "not-a-token");

        List<String> refusedReports = new java.util.ArrayList<>();
        for (Map.Entry<String, String> token : flawed.entrySet()) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                String what = method + " with a token " + token.getKey();
                String dealId = uniqueId("flawed");
                if (method == HttpMethod.POST) {
                    refusedReports.add(dealId);
                }
                ResponseEntity<String> answer = call(method, "/api/v1/deals", token.getValue(),
                        method == HttpMethod.POST ? dealReport(dealId, "FRA", "EGY", 1) : null);
                assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(answer.getHeaders().getContentType()).as(what)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(what).startsWith("Bearer");
                assertThat(body(answer).path("status").asInt()).as(what).isEqualTo(401);
            }
        }
        // no refused token wrote an event: each refused deal can still be reported, as new, with a valid token
        String admin = token("adam", "admin");
        for (String dealId : refusedReports) {
            assertThat(call(HttpMethod.POST, "/api/v1/deals", admin, dealReport(dealId, "FRA", "EGY", 1))
                    .getStatusCode()).as("reporting %s, refused before", dealId).isEqualTo(HttpStatus.CREATED);
        }
        // the reason is named, e.g. for a token that never expires
        assertThat(body(call(HttpMethod.GET, "/api/v1/deals", flawed.get("without expiry"), null))
                .path("detail").asText()).contains("exp");
    }

    @Test
    void theDashboardSignsInOnceWithATokenAndIsThenAuthenticatedByTheCookieUntilTheTokenExpires() throws IOException {
        ResponseEntity<String> signIn = call(HttpMethod.POST, "/api/v1/session", token("anna", "analyst"), null);
        assertThat(signIn.getStatusCode()).as(signIn.getBody()).isEqualTo(HttpStatus.OK);
        List<String> setCookies = signIn.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("DYAD_SESSION=").contains("HttpOnly")
                .contains("SameSite=Strict"));
        String cookies = String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
        JsonNode session = body(signIn);
        assertThat(session.path("user").asText()).isEqualTo("anna");

        // the cookie alone authenticates: reads, and writes that carry the CSRF token
        assertThat(withCookies(HttpMethod.GET, "/api/v1/deals", cookies, null, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String deal = dealReport(uniqueId("jwt-cookie"), "FRA", "IND", 1);
        assertForbidden(withCookies(HttpMethod.POST, "/api/v1/deals", cookies, null, deal),
                "a cookie-authenticated write without the CSRF token");
        ResponseEntity<String> written = withCookies(HttpMethod.POST, "/api/v1/deals", cookies,
                Map.of(session.path("csrfHeader").asText(), session.path("csrfToken").asText()), deal);
        assertThat(written.getStatusCode()).as(written.getBody()).isEqualTo(HttpStatus.CREATED);

        // a cookie holding an expired token, or a token of another issuer, authenticates nobody
        String expired = token("anna", "analyst", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))));
        String otherIssuer = token("anna", "analyst", c -> c.issuer("https://elsewhere.example"));
        for (String forged : List.of(expired, otherIssuer)) {
            ResponseEntity<String> refused = withCookies(HttpMethod.GET, "/api/v1/deals", "DYAD_SESSION=" + forged,
                    null, null);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    private ResponseEntity<String> withCookies(HttpMethod method, String path, String cookies,
                                               Map<String, String> extraHeaders, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (extraHeaders != null) {
            extraHeaders.forEach(headers::add);
        }
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return as(null, null).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void withoutATokenOrWithBasicCredentialsItIs401() {
        for (String authorization : new String[]{null, ADMIN_AUTHORIZATION}) {
            HttpHeaders headers = new HttpHeaders();
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
            ResponseEntity<String> answer = as(null, null).exchange("/api/v1/deals", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);
            assertThat(answer.getStatusCode()).as(String.valueOf(authorization)).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
        assertThat(as(null, null).getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The classic confusion: the issuer's public key (which anyone can fetch) used as an HMAC secret. */
    private static String hmacWithPublicKey(JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ISSUER.keyId()).build(),
                claims.build());
        jwt.sign(new MACSigner(ISSUER.publicKeyBytes()));
        return jwt.serialize();
    }

    /** An identity provider for the test: one RSA key, its JWK set at {@code /jwks}, tokens signed with it. */
    private record TestIssuer(HttpServer server, RSAKey key) {

        static TestIssuer start() {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyID("dyad-test-key").generate();
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                byte[] jwkSet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwkSet.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwkSet);
                    }
                });
                server.start();
                return new TestIssuer(server, key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String issuer() {
            return base() + "/realms/dyad";
        }

        String jwkSetUri() {
            return base() + "/jwks";
        }

        String keyId() {
            return key.getKeyID();
        }

        byte[] publicKeyBytes() {
            try {
                return key.toRSAPublicKey().getEncoded();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String sign(JWTClaimsSet claims) {
            try {
                return JwtSecurityIT.sign(key, new JWTClaimsSet.Builder(claims));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
