package org.dyad.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * How a browser talks to Dyad: the dashboard's sign-in cookie, the protection of cookie-authenticated writes, and the
 * headers every answer carries.
 * <p>
 * The dashboard signs in once through {@code POST /api/v1/session} with the user's credentials in the
 * {@code Authorization} header (HTTP Basic in {@code local} mode, a bearer token in {@code jwt} mode); the answer sets
 * an HttpOnly, {@code SameSite=Strict} cookie (Secure over HTTPS) that no script can read, and the credentials
 * themselves are kept nowhere. In {@code local} mode the cookie is Spring Security's signed token (user, expiry and
 * a SHA-256 signature over them, the user's password digest and {@link DashboardSessionProperties#key()}), so it
 * needs no server-side state and is void once the password changes; in {@code jwt} mode it holds the bearer token, checked on
 * every request like one in a header. Every other client keeps using the {@code Authorization} header, statelessly.
 * <p>
 * A state-changing request authenticated by the cookie alone must carry the CSRF token that the session endpoint
 * answers (header {@value #CSRF_HEADER}); the cookie's {@code SameSite=Strict} already keeps it off requests from
 * other sites, the token also covers other origins of the same site.
 */
@EnableConfigurationProperties(DashboardSessionProperties.class)
@Import(DashboardSessionController.class)
public class DashboardSession {

    /** The dashboard's session endpoint: sign in (POST), who is signed in (GET), sign out (DELETE). */
    public static final String PATH = "/api/v1/session";
    static final String COOKIE = "DYAD_SESSION";
    static final String CSRF_COOKIE = "DYAD_CSRF";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /**
     * Scripts only from Dyad's own files (no inline script, no eval), nothing embedded, no framing, no base URL. The
     * dashboard sets no inline style either: ECharts draws on a canvas and Tabulator sizes its cells through the
     * DOM's style properties, which a policy does not govern. {@code data:} images are small icons in style sheets.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    /**
     * Swagger UI (springdoc's WebJar) applies inline styles from its script, so its pages allow inline styles;
     * scripts stay as strict as everywhere else.
     */
    static final String SWAGGER_UI_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher SWAGGER_UI = request -> request.getRequestURI().startsWith("/swagger-ui/");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final boolean jwt;
    private final Duration validity;
    private final TokenBasedRememberMeServices signedCookie;
    private final CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
    private final CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(csrfTokens);

    public DashboardSession(SecurityProperties security, DashboardSessionProperties properties,
                            UserDetailsService users) {
        this.jwt = "jwt".equals(security.mode());
        this.validity = properties.validity();
        String key = StringUtils.hasText(properties.key()) ? properties.key() : keyFromUsers(security);
        this.signedCookie = new TokenBasedRememberMeServices(key, users,
                TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256);
        signedCookie.setCookieName(COOKIE);
        signedCookie.setAlwaysRemember(true);
        signedCookie.setTokenValiditySeconds((int) validity.toSeconds());
        signedCookie.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Strict"));
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    }

    /** Headers on every answer, CSRF for cookie-authenticated writes, and the cookie as a way to authenticate. */
    public void configure(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))))
                // the token is made anew at each sign-in only, not on every request that authenticates
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .requireCsrfProtectionMatcher(DashboardSession::authenticatedByCookieOnly)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()));
        if (jwt) {
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(headerOrCookie()));
        } else {
            http.addFilterAfter(new SignedCookieAuthentication(), BasicAuthenticationFilter.class);
        }
    }

    /**
     * In {@code local} mode, a request without other credentials is the user its valid signed cookie names (an
     * invalid or expired one is removed). The user is authenticated as fully as by a password, so that a role too
     * low is refused 403 like with HTTP Basic.
     */
    private final class SignedCookieAuthentication extends OncePerRequestFilter {

        private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current == null && WebUtils.getCookie(request, COOKIE) != null) {
                Authentication remembered = signedCookie.autoLogin(request, response);
                if (remembered != null) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            remembered.getPrincipal(), null, remembered.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** A write that would be authenticated by the session cookie: one with no {@code Authorization} header. */
    private static boolean authenticatedByCookieOnly(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && WebUtils.getCookie(request, COOKIE) != null;
    }

    /** In {@code jwt} mode: the bearer token of the {@code Authorization} header, else the one in the cookie. */
    private static BearerTokenResolver headerOrCookie() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String token = header.resolve(request);
            if (token != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                return token;
            }
            jakarta.servlet.http.Cookie cookie = WebUtils.getCookie(request, COOKIE);
            return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
        };
    }

    /**
     * Sets the cookie for the user the request was authenticated as, and a new CSRF token (the request's
     * {@link org.springframework.security.web.csrf.CsrfToken} attribute): none set before the sign-in stays valid.
     */
    void signIn(HttpServletRequest request, HttpServletResponse response, Authentication user) {
        newCsrfToken.onAuthentication(user, request, response);
        if (user instanceof JwtAuthenticationToken token) {
            Instant expiry = token.getToken().getExpiresAt();
            Duration lifetime = expiry == null ? validity : Duration.between(Instant.now(), expiry);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, token.getToken().getTokenValue(),
                    lifetime.compareTo(validity) < 0 ? lifetime : validity).toString());
        } else {
            signedCookie.loginSuccess(request, response, user);
        }
    }

    /** Removes the session and CSRF cookies. */
    void signOut(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, "", Duration.ZERO).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, CSRF_COOKIE, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value).path("/").httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").maxAge(maxAge).build();
    }

    /**
     * Without a configured key, one derived from the local users' names and passwords: every instance with the same
     * users signs alike, and the signature still covers the user's own password digest.
     */
    private static String keyFromUsers(SecurityProperties security) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("dyad dashboard session".getBytes(StandardCharsets.UTF_8));
            for (SecurityProperties.User user : security.users()) {
                digest.update(('\n' + user.name() + ':' + user.password()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
