package org.dyad.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rate limit, the body limit and the sign-in limit as the support module's configuration registers them, with
 * Dyad's security: the rate limit knows the caller authenticated by the chain, failed sign-ins hold back even the
 * right password, and every refusal is problem+json.
 */
@SpringBootTest(classes = SupportFiltersInChainTest.Slice.class, properties = {
        "dyad.security.mode=local",
        "dyad.security.users[0].name=anna", "dyad.security.users[0].password=anna-secret-1",
        "dyad.security.users[0].role=analyst",
        "dyad.security.users[1].name=otto", "dyad.security.users[1].password=otto-secret-1",
        "dyad.security.users[1].role=analyst",
        "dyad.security.users[2].name=adam", "dyad.security.users[2].password=adam-secret-1",
        "dyad.security.users[2].role=admin",
        "dyad.security.users[3].name=mona", "dyad.security.users[3].password=mona-secret-1",
        "dyad.security.users[3].role=viewer",
        "dyad.security.sign-in-limit.per-user=3", "dyad.security.sign-in-limit.per-address=1000",
        "dyad.api.rate-limit.writes.per-second=0.01", "dyad.api.rate-limit.writes.burst=2",
        "dyad.api.max-body-bytes=100"})
@AutoConfigureMockMvc
class SupportFiltersInChainTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Notes.class)
    static class Slice {
    }

    @RestController
    static class Notes {

        @PostMapping(path = "/api/v1/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> take(@RequestBody Map<String, Object> note) {
            return note;
        }

        @GetMapping("/api/v1/notes")
        String read() {
            return "[]";
        }
    }

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + user + "-secret-1").getBytes(StandardCharsets.UTF_8)));
    }

    private static MockHttpServletRequestBuilder note() {
        return post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}");
    }

    @Test
    void theAuthenticatedCallersWritesAreLimitedAndTheirReadsAreNot() throws Exception {
        mvc.perform(as("anna", note())).andExpect(status().isOk());
        mvc.perform(as("anna", note())).andExpect(status().isOk());
        mvc.perform(as("anna", note()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("writes by anna")));
        mvc.perform(as("anna", get("/api/v1/notes"))).andExpect(status().isOk());
        mvc.perform(as("otto", note())).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(as("adam", note())).andExpect(status().isOk());
        }
    }

    @Test
    void afterTooManyFailedSignInsEvenTheRightPasswordIsRefused429() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("mona:wrong".getBytes(StandardCharsets.UTF_8));
        mvc.perform(as("mona", get("/api/v1/notes"))).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/notes").header(HttpHeaders.AUTHORIZATION, wrong))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(as("mona", get("/api/v1/notes")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as("adam", get("/api/v1/notes"))).andExpect(status().isOk());
    }

    @Test
    void aBodyOverTheLimitIsRefused413() throws Exception {
        mvc.perform(as("adam", post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + "x".repeat(200) + "\"}")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBrokenBodyOrAnotherTypeIsAClientError() throws Exception {
        mvc.perform(as("adam", post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(as("adam", post("/api/v1/notes").contentType(MediaType.TEXT_PLAIN).content("x")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
