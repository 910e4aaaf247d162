package org.dyad.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
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
import java.util.function.BiFunction;

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
    private final JwtAuthenticationProvider cookieTokens;
    private final CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
    private final CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(csrfTokens);

    public DashboardSession(SecurityProperties security, DashboardSessionProperties properties,
                            UserDetailsService users, ObjectProvider<JwtDecoder> jwtDecoder) {
        this.jwt = "jwt".equals(security.mode());
        this.cookieTokens = jwt ? cookieTokens(jwtDecoder.getObject(), security.rolesClaim()) : null;
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
            http.addFilterAfter(new CookieAuthentication(this::tokenInCookie), BearerTokenAuthenticationFilter.class);
        } else {
            http.addFilterAfter(new CookieAuthentication(this::signedCookie), BasicAuthenticationFilter.class);
        }
    }

    /**
     * A request without other credentials is the user its valid cookie names; an invalid or expired cookie
     * authenticates nobody (and is removed). The user is authenticated as fully as by the {@code Authorization}
     * header, so that a role too low is refused 403 as without the cookie. The cookie is read apart from Spring's own
     * bearer-token reading, which would exempt every request it authenticates from the CSRF check.
     */
    private static final class CookieAuthentication extends OncePerRequestFilter {

        private final BiFunction<HttpServletRequest, HttpServletResponse, Authentication> user;
        private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

        CookieAuthentication(
                BiFunction<HttpServletRequest, HttpServletResponse, Authentication> user) {
            this.user = user;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current == null && WebUtils.getCookie(request, COOKIE) != null) {
                Authentication remembered = user.apply(request, response);
                if (remembered != null) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(remembered);
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** In {@code local} mode: the user a valid signed cookie names (an invalid one is removed). */
    private Authentication signedCookie(HttpServletRequest request, HttpServletResponse response) {
        Authentication remembered = signedCookie.autoLogin(request, response);
        return remembered == null ? null : UsernamePasswordAuthenticationToken.authenticated(
                remembered.getPrincipal(), null, remembered.getAuthorities());
    }

    /** In {@code jwt} mode: the caller of the bearer token in the cookie, checked as one in a header would be. */
    private Authentication tokenInCookie(HttpServletRequest request, HttpServletResponse response) {
        String token = WebUtils.getCookie(request, COOKIE).getValue();
        if (token.isEmpty()) {
            return null;
        }
        try {
            return cookieTokens.authenticate(new BearerTokenAuthenticationToken(token));
        } catch (AuthenticationException refused) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, "", Duration.ZERO).toString());
            return null;
        }
    }

    private static JwtAuthenticationProvider cookieTokens(JwtDecoder decoder, String rolesClaim) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new JwtRoles(rolesClaim));
        return provider;
    }

    /** A write that would be authenticated by the session cookie: one with no {@code Authorization} header. */
    private static boolean authenticatedByCookieOnly(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && WebUtils.getCookie(request, COOKIE) != null;
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
