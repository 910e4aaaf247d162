package org.dyad.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document says about Dyad as a whole. */
@Configuration
class ApiInfoConfiguration {

    @Bean
    OpenAPI dyadApi() {
        return new OpenAPI().info(new Info().title("Dyad API").version("v1").description(
                "Record sourced facts about arms transfers and treaties between states (commands), and read the "
                        + "relationships, deals and agreements they build (views). Every view takes asOf (a date) "
                        + "and knownAt (an instant); every error is RFC 7807 problem+json."));
    }
}
