package org.dyad.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.EventSchemas;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The names Dyad publishes resolve: an event's {@code ce_dataschema} names the schema served at its path (also an
 * earlier version's), the AsyncAPI document is served beside them, and every problem {@code type} has its page with
 * the status, meaning and what to do from docs/problems.md; anything else is a 404 problem.
 */
class PublishedNamesControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PublishedNamesController())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .setMessageConverters(new ByteArrayHttpMessageConverter(),
                    new StringHttpMessageConverter(StandardCharsets.UTF_8),
                    new StrictJsonHttpMessageConverter(new ObjectMapper()))
            .build();

    @Test
    void anEventsSchemaIsServedWhereItsNameSays() throws Exception {
        for (String type : new String[]{"org.dyad.deal.SaleReported.v2", "org.dyad.deal.SaleReported.v1"}) {
            mvc.perform(get(EventSchemas.servedPath(type).orElseThrow()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/schema+json"))
                    .andExpect(header().string("Cache-Control", allOf(containsString("public"),
                            containsString("max-age="))))
                    .andExpect(jsonPath("$.$id").value(EventSchemas.id(type)))
                    .andExpect(jsonPath("$.title").value(type));
        }
        mvc.perform(get("/schemas/org.dyad.deal.SaleReported/v2.json").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk());
        mvc.perform(get("/schemas/asyncapi.yaml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("asyncapi:")));
    }

    @Test
    void aSchemaDyadNeverPublishedIsAProblem() throws Exception {
        for (String path : new String[]{"/schemas/org.dyad.deal.SaleReported/v9.json",
                "/schemas/org.dyad.deal.NoSuchEvent/v1.json", "/schemas/..%2F..%2Fapplication.yml/v1.json"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("$schema"))));
        }
        mvc.perform(get("/schemas/org.dyad.deal.SaleReported/v2.json").accept(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.$id").value("urn:dyad:schema:org.dyad.deal.SaleReported.v2"));
    }

    @Test
    void everyProblemTypeResolvesToItsPage() throws Exception {
        for (ProblemType kind : ProblemType.values()) {
            String status = kind == ProblemType.REQUEST_REFUSED ? "4xx" : String.valueOf(kind.status().value());
            mvc.perform(get(kind.uri().toString()))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(header().string("Cache-Control", containsString("public")))
                    .andExpect(content().string(allOf(containsString("<code>" + kind.uri() + "</code>"),
                            containsString("HTTP status " + status), containsString("What to do"))));
        }
        mvc.perform(get(ProblemType.STALE_VERSION.uri().toString()))
                .andExpect(content().string(containsString("<code>If-Match</code>")));
        mvc.perform(get("/problems/no-such-kind").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isNotFound());
    }
}
