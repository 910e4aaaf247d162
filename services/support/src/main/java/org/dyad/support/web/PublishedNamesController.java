package org.dyad.support.web;

import org.dyad.contracts.wire.EventSchemas;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names Dyad publishes resolve to documents Dyad serves, to anyone and cacheable: each event's JSON Schema (its
 * {@code $id} and {@code ce_dataschema} is {@code urn:dyad:schema:<ce_type>}; the document is at
 * {@code /schemas/<type without version>/v<version>.json}), the AsyncAPI document of the topic, and a page for each
 * problem {@code type} ({@code /problems/<kind>}, the row of docs/problems.md for that kind).
 */
@RestController
public class PublishedNamesController {

    public static final String SCHEMAS = "/schemas/";
    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    /** A schema of an event version never changes once published; the AsyncAPI document changes with releases. */
    private static final CacheControl SCHEMA_CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    private static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final Pattern ROW = Pattern.compile(
            "^\\| `" + Pattern.quote(ProblemType.BASE) + "([a-z-]+)` \\| (\\d{3}|4xx) \\| (.+) \\| (.+) \\|$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Map<String, String> problemPages = problemPages();

    @GetMapping(path = SCHEMAS + "{type}/v{version:[1-9][0-9]{0,5}}.json",
            produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<byte[]> schema(@PathVariable String type, @PathVariable String version) {
        String schema = EventSchemas.schemaFor(type + ".v" + version)
                .orElseThrow(() -> ApiProblemException.notFound("schema of event type '" + type + "' version "
                        + version));
        return ResponseEntity.ok().cacheControl(SCHEMA_CACHE).contentType(SCHEMA_JSON)
                .body(schema.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = SCHEMAS + "asyncapi.yaml", produces = {"application/yaml", "text/yaml", "text/plain"})
    public ResponseEntity<byte[]> asyncApi() {
        return ResponseEntity.ok().cacheControl(PAGE_CACHE).contentType(YAML)
                .body(resource("org/dyad/contracts/asyncapi.yaml").orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = ProblemType.BASE + "{kind}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> problem(@PathVariable String kind) {
        String page = problemPages.get(kind);
        if (page == null) {
            throw ApiProblemException.notFound("problem type '" + kind + "'");
        }
        return ResponseEntity.ok().cacheControl(PAGE_CACHE).contentType(new MediaType(MediaType.TEXT_HTML,
                StandardCharsets.UTF_8)).body(page);
    }

    /** A short page per documented kind, from its row of docs/problems.md (shipped in this jar). */
    static Map<String, String> problemPages() {
        String list = resource("org/dyad/support/web/problems.md")
                .orElseThrow(() -> new IllegalStateException("docs/problems.md is not in the jar"));
        Map<String, String> pages = list.lines().map(ROW::matcher).filter(Matcher::matches).collect(
                Collectors.toUnmodifiableMap(row -> row.group(1), row -> page(row.group(1), row.group(2),
                        row.group(3), row.group(4))));
        Arrays.stream(ProblemType.values()).filter(kind -> !pages.containsKey(kind.slug())).findFirst()
                .ifPresent(kind -> {
                    throw new IllegalStateException("docs/problems.md does not list " + kind.slug());
                });
        return pages;
    }

    private static String page(String slug, String status, String meaning, String whatToDo) {
        String title = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s · Dyad problem type</title></head>
                <body>
                <h1>%1$s</h1>
                <p>Problem type <code>%2$s</code>, answered with HTTP status %3$s as <code>application/problem+json</code>
                (RFC 9457).</p>
                <h2>Meaning</h2>
                <p>%4$s</p>
                <h2>What to do</h2>
                <p>%5$s</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title), ProblemType.BASE + slug, status, inline(meaning),
                inline(whatToDo));
    }

    /** A table cell's Markdown as HTML: text escaped, {@code `code`} as code. */
    private static String inline(String markdown) {
        Matcher code = CODE.matcher(HtmlUtils.htmlEscape(markdown));
        return code.replaceAll(m -> "<code>" + Matcher.quoteReplacement(m.group(1)) + "</code>");
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = PublishedNamesController.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
