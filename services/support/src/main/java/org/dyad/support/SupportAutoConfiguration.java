package org.dyad.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.support.web.BodySizeLimit;
import org.dyad.support.web.ProblemDetailsAdvice;
import org.dyad.support.web.ProblemErrorController;
import org.dyad.support.web.PublishedNamesController;
import org.dyad.support.web.StrictJsonHttpMessageConverter;
import org.dyad.support.web.RateLimitProperties;
import org.dyad.support.web.RequestRateLimit;
import org.dyad.support.web.RequestCorrelation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Problem details (also for the servlet container's error page) and Dyad's JSON conventions for every service that
 * puts this module on its class path. It comes before Spring Boot's converters and error controller, which step
 * aside for its own.
 */
@AutoConfiguration(before = {HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, PublishedNamesController.class})
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

    /**
     * Every request's correlation id, in the logging context while it is handled; it runs just inside the server's
     * observation, so the trace and span ids are in the logging context too.
     */
    @Bean
    FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
        FilterRegistrationBean<RequestCorrelation> registration = new FilterRegistrationBean<>(new RequestCorrelation());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
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

    /** Request bodies are one JSON value in UTF-8, with Unicode text only; answers use the application's mapper. */
    @Bean
    StrictJsonHttpMessageConverter strictJsonHttpMessageConverter(ObjectMapper json) {
        return new StrictJsonHttpMessageConverter(json);
    }

    /**
     * JSON is read by the strict converter alone: a lenient one after it (Spring MVC's default) would read what the
     * strict one refuses to take, such as a body in another charset.
     */
    @Bean
    WebMvcConfigurer strictJsonOnly(StrictJsonHttpMessageConverter strict) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                int first = converters.size();
                for (int i = converters.size() - 1; i >= 0; i--) {
                    if (converters.get(i) instanceof MappingJackson2HttpMessageConverter) {
                        converters.remove(i);
                        first = i;
                    }
                }
                converters.add(first, strict);
            }
        };
    }

    /** The API's JSON: Dyad's wire conventions, but a misspelt field in a request is an error, not ignored. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer dyadJsonConventions() {
        return builder -> builder.postConfigurer((ObjectMapper mapper) -> DyadJson.configure(mapper)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }
}
