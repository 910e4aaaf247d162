package org.dyad.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.support.web.BodySizeLimit;
import org.dyad.support.web.ProblemDetailsAdvice;
import org.dyad.support.web.RateLimitProperties;
import org.dyad.support.web.RequestRateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Problem details and Dyad's JSON conventions for every service that puts this module on its class path. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties(RateLimitProperties.class)
public class SupportAutoConfiguration {

    /** Requests per principal (or client address) are limited; it runs after authentication to know the caller. */
    @Bean
    FilterRegistrationBean<RequestRateLimit> requestRateLimit(RateLimitProperties properties, ObjectMapper json,
                                                              ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<RequestRateLimit> registration = new FilterRegistrationBean<>(
                new RequestRateLimit(properties, json, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER
                + 1);
        return registration;
    }

    /** Bodies of commands are small; a larger one is refused before it is read. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
            @Value("${dyad.api.max-body-bytes:1048576}") long maxBytes, ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(maxBytes, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The API's JSON: Dyad's wire conventions, but a misspelt field in a request is an error, not ignored. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer dyadJsonConventions() {
        return builder -> builder.postConfigurer((ObjectMapper mapper) -> DyadJson.configure(mapper)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }
}
