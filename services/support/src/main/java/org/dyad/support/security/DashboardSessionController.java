package org.dyad.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The dashboard's sign-in: a browser trades the credentials of one request for an HttpOnly cookie (see
 * {@link DashboardSession}). Any signed-in user may use it; its answer names the user, the roles and the CSRF token
 * that cookie-authenticated writes must carry.
 */
@RestController
@RequestMapping(DashboardSession.PATH)
class DashboardSessionController {

    private final DashboardSession session;
    private final RoleHierarchy roleHierarchy;

    DashboardSessionController(DashboardSession session, RoleHierarchy roleHierarchy) {
        this.session = session;
        this.roleHierarchy = roleHierarchy;
    }

    /**
     * Who is signed in, and the CSRF token for writes.
     *
     * @param user       the authenticated user
     * @param roles      Dyad's roles the user has, each with the roles it includes
     * @param csrfHeader the header in which a cookie-authenticated write carries the token
     * @param csrfToken  the token (any value answered here is valid until the cookie ends)
     */
    record SessionAnswer(String user, List<String> roles, String csrfHeader, String csrfToken) {
    }

    /** The signed-in user, by the cookie or by the request's own credentials. */
    @GetMapping
    SessionAnswer current(Authentication user, CsrfToken csrf) {
        return answer(user, csrf);
    }

    /** Signs in: the credentials in this request's {@code Authorization} header become the session cookie. */
    @PostMapping
    SessionAnswer signIn(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        session.signIn(request, response, user);
        return answer(user, (CsrfToken) request.getAttribute(CsrfToken.class.getName()));
    }

    /** Signs out: the cookies are removed. */
    @DeleteMapping
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        session.signOut(request, response);
        return ResponseEntity.noContent().build();
    }

    private SessionAnswer answer(Authentication user, CsrfToken csrf) {
        List<String> roles = roleHierarchy.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .sorted().toList();
        return new SessionAnswer(user.getName(), roles, csrf.getHeaderName(), csrf.getToken());
    }
}
