package org.dyad.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.support.web.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Problem details and Dyad's JSON conventions for every service that puts this module on its class path. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class SupportAutoConfiguration {

    /** The API's JSON: Dyad's wire conventions, but a misspelt field in a request is an error, not ignored. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer dyadJsonConventions() {
        return builder -> builder.postConfigurer((ObjectMapper mapper) -> DyadJson.configure(mapper)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }
}
