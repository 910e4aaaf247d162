package org.dyad.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import org.dyad.support.web.ProblemType;
import org.dyad.support.web.PublishedNamesController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what. Reading is for viewers, recording for analysts, imports, rebuilds, dead letters and operations for
 * admins; health and the API description are open. In {@code local} mode the configured users authenticate with
 * HTTP Basic, and failed sign-ins are limited per user and per address ({@link SignInLimit}); in {@code jwt} mode
 * bearer tokens from the configured issuer, for the configured audience, carry the roles in a claim
 * ({@link BearerTokens}, {@link JwtRoles}). There is no mode without authentication.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, SignInLimitProperties.class,
        OAuth2ResourceServerProperties.class})
@Import({JwtModeConfiguration.class, DashboardSession.class})
public class DyadSecurityConfiguration {

    /**
     * No observations of the security filter chain, authentication or authorization: they cost every request CPU
     * (each filter wrapped, even when the observations themselves are switched off), and HTTP requests are timed
     * anyway ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Roles.HIERARCHY);
    }

    /** Failed sign-ins per user and per address; sign-in paths ask it before checking a password. */
    @Bean
    SignInLimit signInLimit(SignInLimitProperties properties, ObjectMapper json,
                            ObjectProvider<MeterRegistry> meters) {
        return new SignInLimit(properties, json, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SecurityFilterChain dyadSecurity(HttpSecurity http, SecurityProperties properties, ObjectMapper json,
                                     SignInLimit signInLimit, DashboardSession dashboardSession) throws Exception {
        boolean jwt = "jwt".equals(properties.mode());
        if (!jwt && !"local".equals(properties.mode())) {
            throw new IllegalStateException("dyad.security.mode must be 'local' or 'jwt', not '" + properties.mode()
                    + "'");
        }
        dashboardSession.configure(http);
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // the error page answers for a request that failed, whoever sent it; asked for directly
                        // it has nothing to say (and would answer 500)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").denyAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // the dashboard's own files; every figure it shows comes from the API with credentials
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers(DashboardSession.PATH).hasRole(Roles.VIEWER)
                        .requestMatchers("/api/v1/admin/**", "/api/v1/imports/**", "/actuator/**")
                        .hasRole(Roles.ADMIN)
                        // drafts hold texts analysts work on, not records: viewers neither read nor make them
                        .requestMatchers("/api/v1/intake/**").hasRole(Roles.ANALYST)
                        // each user keeps their own watchlists and reads their own alerts
                        .requestMatchers("/api/v1/watchlists/**", "/api/v1/alerts/**").hasRole(Roles.VIEWER)
                        .requestMatchers(HttpMethod.GET, "/actors/*").permitAll()
                        // the event schemas, the AsyncAPI document and the problem types' pages: public names
                        .requestMatchers(HttpMethod.GET, PublishedNamesController.SCHEMAS + "**",
                                ProblemType.BASE + "*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Roles.VIEWER)
                        .requestMatchers("/api/v1/**").hasRole(Roles.ANALYST)
                        .anyRequest().hasRole(Roles.VIEWER))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(json,
                                jwt ? "Bearer" : "Basic realm=\"dyad\""))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)));
        if (jwt) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.jwtAuthenticationConverter(new JwtRoles(properties.rolesClaim())))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(json, "Bearer")));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated(json,
                    "Basic realm=\"dyad\"")))
                    .addFilterBefore(new SignInLimitFilter(signInLimit), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    @Bean
    PasswordEncoder localPasswordEncoder() {
        return new DigestPasswordEncoder();
    }

    /** In local mode, the configured users; in jwt mode nobody (tokens carry identity). */
    @Bean
    UserDetailsService dyadUsers(SecurityProperties properties, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (!"local".equals(properties.mode())) {
            return users;
        }
        for (SecurityProperties.User user : properties.users()) {
            if (user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("local user '" + user.name() + "' has no password");
            }
            users.createUser(User.withUsername(user.name()).password(encoder.encode(user.password()))
                    .roles(user.role()).build());
        }
        return users;
    }
}
