package org.dyad.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's files as a browser fetches them: compressed, linked by versioned URLs (a content hash in the file
 * name) that are cached for a year as immutable, the page itself revalidated on every visit, and the modules'
 * imports of one another pointing at versioned URLs too.
 */
class DashboardAssetsIT extends DyadIntegrationTest {

    private static final Pattern VERSIONED = Pattern.compile("-[0-9a-f]{32}\\.(js|css)$");
    private static final Pattern PAGE_LINK = Pattern.compile("(?:src|href)=\"(/(?:dashboard|webjars)/[^\"]+)\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("\\bfrom\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void thePageIsRevalidatedCompressedAndLinksEveryScriptAndStyleSheetByAVersionedImmutableUrl() throws Exception {
        for (String page : List.of("/", "/index.html")) {
            HttpResponse<byte[]> index = fetch(page);
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Cache-Control")).as("the page %s is revalidated on each visit", page)
                    .hasValue("no-cache");
            assertThat(index.headers().firstValue("Content-Encoding")).hasValue("gzip");
        }
        String html = body(fetch("/"));
        List<String> links = matches(PAGE_LINK, html);
        assertThat(links).as("the page's scripts and style sheets: the dashboard's own and the WebJars")
                .anyMatch(link -> link.startsWith("/dashboard/app-"))
                .anyMatch(link -> link.startsWith("/dashboard/dashboard-"))
                .anyMatch(link -> link.startsWith("/webjars/echarts/"))
                .anyMatch(link -> link.startsWith("/webjars/tabulator-tables/"))
                .allSatisfy(link -> assertThat(link).containsPattern(VERSIONED));
        for (String link : links) {
            HttpResponse<byte[]> asset = fetch(link);
            assertThat(asset.statusCode()).as(link).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(link)
                    .hasValue("max-age=31536000, public, immutable");
            assertThat(asset.headers().firstValue("Content-Encoding")).as(link).hasValue("gzip");
        }
    }

    @Test
    void everyModuleImportsTheOthersByTheirVersionedUrls() throws Exception {
        String app = links(body(fetch("/")), "/dashboard/app-");
        List<String> seen = new ArrayList<>();
        List<String> toRead = new ArrayList<>(List.of(app));
        while (!toRead.isEmpty()) {
            String module = toRead.remove(0);
            if (seen.contains(module)) {
                continue;
            }
            seen.add(module);
            HttpResponse<byte[]> response = fetch(module);
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(module).hasValue(
                    "max-age=31536000, public, immutable");
            for (String imported : matches(MODULE_IMPORT, body(response))) {
                assertThat(imported).as("an import in %s", module).containsPattern(VERSIONED);
                toRead.add(URI.create(module).resolve(imported).toString());
            }
        }
        assertThat(seen).as("the modules reached from app.js")
                .anyMatch(m -> m.startsWith("/dashboard/api-"))
                .anyMatch(m -> m.startsWith("/dashboard/format-"))
                .anyMatch(m -> m.startsWith("/dashboard/actors-"));

        HttpResponse<byte[]> unversioned = fetch("/dashboard/app.js");
        assertThat(unversioned.statusCode()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control")).as("an unversioned URL may change")
                .hasValue("no-cache");
    }

    private String links(String html, String prefix) {
        return matches(PAGE_LINK, html).stream().filter(link -> link.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
            try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = unzipped.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
