package org.dyad.support.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** In {@code jwt} mode, Dyad's own token decoder ({@link BearerTokens}) in place of Spring Boot's. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dyad.security.mode", havingValue = "jwt")
class JwtModeConfiguration {

    @Bean
    JwtDecoder dyadJwtDecoder(OAuth2ResourceServerProperties server, SecurityProperties properties) {
        return BearerTokens.decoder(server.getJwt(), properties.audience());
    }
}
