package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's sign-in over plain HTTP: credentials sent once become an HttpOnly, SameSite=Strict cookie that
 * carries the user's role; a write authenticated by that cookie alone needs the CSRF token of the session endpoint;
 * signing out ends the cookie; the API's own clients keep using the Authorization header without any of this.
 */
class DashboardSessionIT extends DyadIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aSignInIsAnHttpOnlyCookieWithTheUsersRoleAndItsWritesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> signIn = send(request("/api/v1/session")
                .header("Authorization", basic("analyst", "analyst-local"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signIn.statusCode()).isEqualTo(200);
        List<String> setCookies = signIn.headers().allValues("Set-Cookie");
        String sessionCookie = setCookies.stream().filter(c -> c.startsWith("DYAD_SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("analyst-local");
        String cookies = setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        JsonNode session = json.readTree(signIn.body());
        assertThat(session.path("user").asText()).isEqualTo("analyst");
        assertThat(session.path("roles").toString()).contains("analyst", "viewer").doesNotContain("admin");
        String csrfHeader = session.path("csrfHeader").asText();
        String csrfToken = session.path("csrfToken").asText();

        // reading with the cookie alone
        HttpResponse<String> read = send(request("/api/v1/session").header("Cookie", cookies).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).path("user").asText()).isEqualTo("analyst");
        assertThat(send(request("/api/v1/actors").header("Cookie", cookies).GET()).headers().allValues("Set-Cookie"))
                .as("reading changes neither the session nor the CSRF token").isEmpty();
        assertThat(send(request("/api/v1/actors").header("Authorization", basic("analyst", "analyst-local")).GET())
                .headers().allValues("Set-Cookie")).as("API clients get no cookie").isEmpty();

        // a write with the cookie alone is refused and writes nothing; with the token it is the analyst's
        long before = storeHead();
        String deal = dealReport(uniqueId("by-cookie"), "AND", "LIE", 1);
        HttpResponse<String> forged = send(request("/api/v1/deals").header("Cookie", cookies)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(deal)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains(csrfHeader);
        assertThat(storeHead()).isEqualTo(before);
        HttpResponse<String> written = send(request("/api/v1/deals").header("Cookie", cookies)
                .header(csrfHeader, csrfToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deal)));
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);

        // a viewer's cookie keeps the viewer's role
        HttpResponse<String> viewerSignIn = send(request("/api/v1/session")
                .header("Authorization", basic("viewer", "viewer-local")).POST(HttpRequest.BodyPublishers.noBody()));
        String viewerCookies = viewerSignIn.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        HttpResponse<String> viewerWrite = send(request("/api/v1/deals").header("Cookie", viewerCookies)
                .header(csrfHeader, json.readTree(viewerSignIn.body()).path("csrfToken").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dealReport(uniqueId("by-viewer"), "AND", "LIE", 1))));
        assertThat(viewerWrite.statusCode()).isEqualTo(403);

        // signing out needs the token too, and ends the cookie
        assertThat(send(request("/api/v1/session").header("Cookie", cookies).DELETE()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> signOut = send(request("/api/v1/session").header("Cookie", cookies)
                .header(csrfHeader, csrfToken).DELETE());
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("DYAD_SESSION=;").contains("Max-Age=0"));

        // a cookie that was tampered with is no sign-in
        String forgedValue = Base64.getEncoder().encodeToString("analyst:99999999999999:SHA256:forged"
                .getBytes(StandardCharsets.UTF_8));
        String tampered = cookies.replaceFirst("DYAD_SESSION=[^;]+", "DYAD_SESSION=" + forgedValue);
        assertThat(send(request("/api/v1/deals").header("Cookie", tampered).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsSetNoCookie() throws Exception {
        HttpResponse<String> refused = send(request("/api/v1/session")
                .header("Authorization", basic("analyst", "guess")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("DYAD_SESSION="));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
