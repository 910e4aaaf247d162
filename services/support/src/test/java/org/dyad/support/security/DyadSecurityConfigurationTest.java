package org.dyad.support.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Dyad's security configuration in local mode over a tiny controller: who may do what, and the dashboard's cookie. */
@SpringBootTest(classes = DyadSecurityConfigurationTest.Slice.class, properties = {
        "dyad.security.mode=local",
        "dyad.security.users[0].name=vera", "dyad.security.users[0].password=vera-secret-1",
        "dyad.security.users[0].role=viewer",
        "dyad.security.users[1].name=anna", "dyad.security.users[1].password=anna-secret-1",
        "dyad.security.users[1].role=analyst",
        "dyad.security.users[2].name=adam", "dyad.security.users[2].password=adam-secret-1",
        "dyad.security.users[2].role=admin",
        "dyad.api.rate-limit.enabled=false"})
@AutoConfigureMockMvc
class DyadSecurityConfigurationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class Slice {
    }

    @RestController
    static class Things {

        @GetMapping({"/api/v1/things", "/api/v1/admin/dead-letters", "/api/v1/imports/runs", "/actuator/health",
                "/actuator/metrics", "/v3/api-docs", "/dashboard/app.js", "/index.html", "/other"})
        String read() {
            return "read";
        }

        @PostMapping({"/api/v1/things", "/api/v1/admin/rebuild", "/api/v1/imports/sipri", "/dashboard/app.js"})
        String write() {
            return "written";
        }
    }

    @Autowired
    MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-secret-1")
                .getBytes(StandardCharsets.UTF_8));
    }

    private int statusOf(MockHttpServletRequestBuilder request, String user) throws Exception {
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, basic(user));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void anonymousCallersReachOnlyHealthTheApiDescriptionAndTheDashboardsFiles() throws Exception {
        for (String open : List.of("/actuator/health", "/v3/api-docs", "/dashboard/app.js", "/index.html")) {
            assertThat(statusOf(get(open), null)).as(open).isEqualTo(200);
        }
        for (var closed : List.of(get("/api/v1/things"), post("/api/v1/things"), get("/actuator/metrics"),
                post("/dashboard/app.js"), get("/other"), get("/api/v1/admin/dead-letters"))) {
            assertThat(statusOf(closed, null)).isEqualTo(401);
        }
    }

    @Test
    void anUnauthenticatedRequestIsAnsweredWithAProblemAndAChallenge() throws Exception {
        mvc.perform(get("/api/v1/things"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"dyad\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/v1/things"));
        mvc.perform(get("/api/v1/things").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/things").header(HttpHeaders.AUTHORIZATION, "Basic "
                        + Base64.getEncoder().encodeToString("vera:wrong".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void viewersRead() throws Exception {
        assertThat(statusOf(get("/api/v1/things"), "vera")).isEqualTo(200);
        assertThat(statusOf(get("/other"), "vera")).isEqualTo(200);
        mvc.perform(post("/api/v1/things").header(HttpHeaders.AUTHORIZATION, basic("vera")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("your role does not allow POST /api/v1/things"));
        assertThat(statusOf(get("/api/v1/admin/dead-letters"), "vera")).isEqualTo(403);
    }

    @Test
    void analystsReadAndRecordButDoNotAdminister() throws Exception {
        assertThat(statusOf(get("/api/v1/things"), "anna")).isEqualTo(200);
        assertThat(statusOf(post("/api/v1/things"), "anna")).isEqualTo(200);
        assertThat(statusOf(post("/api/v1/admin/rebuild"), "anna")).isEqualTo(403);
        assertThat(statusOf(get("/api/v1/admin/dead-letters"), "anna")).isEqualTo(403);
        assertThat(statusOf(post("/api/v1/imports/sipri"), "anna")).isEqualTo(403);
        assertThat(statusOf(get("/actuator/metrics"), "anna")).isEqualTo(403);
    }

    @Test
    void adminsDoEverything() throws Exception {
        for (var request : List.of(get("/api/v1/things"), post("/api/v1/things"), post("/api/v1/admin/rebuild"),
                get("/api/v1/imports/runs"), post("/api/v1/imports/sipri"), get("/actuator/metrics"))) {
            assertThat(statusOf(request, "adam")).isEqualTo(200);
        }
    }

    @Test
    void theErrorPathAskedForDirectlyIsRefused() throws Exception {
        assertThat(statusOf(get("/error"), null)).isEqualTo(401);
        assertThat(statusOf(get("/error"), "adam")).isEqualTo(403);
    }

    private MvcResult signIn(String user) throws Exception {
        return mvc.perform(post(DashboardSession.PATH).header(HttpHeaders.AUTHORIZATION, basic(user)))
                .andExpect(status().isOk())
                .andReturn();
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndAnswersTheCsrfToken() throws Exception {
        MvcResult signedIn = signIn("anna");
        // the container writes the cookie's attributes; the mock response leaves SameSite out of its header text
        Cookie session = signedIn.getResponse().getCookie(DashboardSession.COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getAttribute("SameSite")).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getMaxAge()).isEqualTo(8 * 3600);
        assertThat(session.getValue()).doesNotContain("anna-secret-1");
        assertThat(new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8))
                .doesNotContain("anna-secret-1");
        Cookie csrf = signedIn.getResponse().getCookie(DashboardSession.CSRF_COOKIE);
        assertThat(csrf).isNotNull();
        assertThat(csrf.getAttribute("SameSite")).isEqualTo("Strict");
        JsonNode answer = json.readTree(signedIn.getResponse().getContentAsByteArray());
        assertThat(answer.path("user").asText()).isEqualTo("anna");
        assertThat(answer.path("roles")).extracting(JsonNode::asText).containsExactly("analyst", "viewer");
        assertThat(answer.path("csrfHeader").asText()).isEqualTo(DashboardSession.CSRF_HEADER);
        assertThat(answer.path("csrfToken").asText()).isNotBlank();
    }

    @Test
    void aWriteByTheCookieAloneNeedsTheCsrfToken() throws Exception {
        MvcResult signedIn = signIn("anna");
        Cookie session = signedIn.getResponse().getCookie(DashboardSession.COOKIE);
        Cookie csrf = signedIn.getResponse().getCookie(DashboardSession.CSRF_COOKIE);
        assertThat(session).isNotNull();
        assertThat(csrf).isNotNull();
        String token = json.readTree(signedIn.getResponse().getContentAsByteArray()).path("csrfToken").asText();

        mvc.perform(get("/api/v1/things").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/things").cookie(session, csrf))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(DashboardSession.CSRF_HEADER)));
        mvc.perform(post("/api/v1/things").cookie(session, csrf).header(DashboardSession.CSRF_HEADER, "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/things").cookie(session, csrf).header(DashboardSession.CSRF_HEADER, token))
                .andExpect(status().isOk());
    }

    @Test
    void aWriteWithTheAuthorizationHeaderNeedsNoCsrfToken() throws Exception {
        Cookie session = signIn("anna").getResponse().getCookie(DashboardSession.COOKIE);
        mvc.perform(post("/api/v1/things").cookie(session).header(HttpHeaders.AUTHORIZATION, basic("anna")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/things").header(HttpHeaders.AUTHORIZATION, basic("anna")))
                .andExpect(status().isOk());
    }

    @Test
    void theCookieCarriesTheRoleOfItsUser() throws Exception {
        MvcResult signedIn = signIn("vera");
        Cookie session = signedIn.getResponse().getCookie(DashboardSession.COOKIE);
        Cookie csrf = signedIn.getResponse().getCookie(DashboardSession.CSRF_COOKIE);
        String token = json.readTree(signedIn.getResponse().getContentAsByteArray()).path("csrfToken").asText();
        mvc.perform(get("/api/v1/things").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/things").cookie(session, csrf).header(DashboardSession.CSRF_HEADER, token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("your role does not allow POST /api/v1/things"));
    }

    /** The cookie a browser keeps when an answer sets one name more than once: the last. */
    private static Cookie lastCookie(MvcResult result, String name) {
        Cookie last = null;
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getName().equals(name)) {
                last = cookie;
            }
        }
        assertThat(last).as(name).isNotNull();
        return last;
    }

    @Test
    void aNewSignInVoidsTheCsrfTokenOfTheOneBefore() throws Exception {
        MvcResult first = signIn("anna");
        String firstToken = json.readTree(first.getResponse().getContentAsByteArray()).path("csrfToken").asText();
        // a browser sends the cookies of the first sign-in along with the second
        MvcResult second = mvc.perform(post(DashboardSession.PATH).header(HttpHeaders.AUTHORIZATION, basic("anna"))
                        .cookie(first.getResponse().getCookie(DashboardSession.COOKIE),
                                first.getResponse().getCookie(DashboardSession.CSRF_COOKIE)))
                .andExpect(status().isOk())
                .andReturn();
        Cookie session = lastCookie(second, DashboardSession.COOKIE);
        Cookie csrf = lastCookie(second, DashboardSession.CSRF_COOKIE);
        assertThat(csrf.getValue()).isNotEqualTo(first.getResponse().getCookie(DashboardSession.CSRF_COOKIE)
                .getValue());
        String secondToken = json.readTree(second.getResponse().getContentAsByteArray()).path("csrfToken").asText();

        mvc.perform(post("/api/v1/things").cookie(session, csrf).header(DashboardSession.CSRF_HEADER, firstToken))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/things").cookie(session, csrf).header(DashboardSession.CSRF_HEADER, secondToken))
                .andExpect(status().isOk());
    }

    @Test
    void signingOutRemovesBothCookiesAndNeedsTheCsrfToken() throws Exception {
        MvcResult signedIn = signIn("vera");
        Cookie session = signedIn.getResponse().getCookie(DashboardSession.COOKIE);
        Cookie csrf = signedIn.getResponse().getCookie(DashboardSession.CSRF_COOKIE);
        String token = json.readTree(signedIn.getResponse().getContentAsByteArray()).path("csrfToken").asText();

        mvc.perform(delete(DashboardSession.PATH).cookie(session, csrf)).andExpect(status().isForbidden());
        List<String> removed = mvc.perform(delete(DashboardSession.PATH).cookie(session, csrf)
                        .header(DashboardSession.CSRF_HEADER, token))
                .andExpect(status().isNoContent())
                .andReturn().getResponse().getHeaders(HttpHeaders.SET_COOKIE);
        assertThat(removed).anyMatch(c -> c.startsWith(DashboardSession.COOKIE + "=;") && c.contains("Max-Age=0")
                && c.contains("HttpOnly") && c.contains("SameSite=Strict"));
        assertThat(removed).anyMatch(c -> c.startsWith(DashboardSession.CSRF_COOKIE + "=;")
                && c.contains("Max-Age=0"));
    }

    @Test
    void aForgedCookieAuthenticatesNobody() throws Exception {
        mvc.perform(get("/api/v1/things").cookie(new Cookie(DashboardSession.COOKIE, "YW5uYTo5OTk5OTk5OTk5OTk6eA")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicy() throws Exception {
        mvc.perform(get("/dashboard/app.js"))
                .andExpect(header().string("Content-Security-Policy", DashboardSession.POLICY))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }
}
