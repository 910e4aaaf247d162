package org.dyad.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated malformed or hostile requests — broken JSON, wrong types, huge strings, unknown actors,
 * impossible dates, injection strings, bad parameters — never get a 5xx, and only the requests answered 2xx write
 * anything. The generator is seeded (set {@code -Ddyad.fuzz.seed} to replay a run). The requests it lets through
 * create records, so it runs on a Dyad of its own.
 */
@Tag("reliability")
@DirtiesContext
@TestPropertySource(properties = "dyad.test.scenario=hostile-input")
class HostileInputIT extends DyadIntegrationTest {

    private static final int REQUESTS = 10_000;
    private static final String[] HOSTILE = {"'; DROP TABLE ledger.domain_event_entry; --", "<script>alert(1)</script>",
            "${jndi:ldap://x/a}", "../../etc/passwd", "\u0000", "\uD800", "🚀🚀", "NaN", "-1", "1e309", "",
            " ", "null", "true", "{}", "[]", "\"", "\\", "%s%s%n", "2001-02-30", "2001-13", "99999", "~", "IRA", "iran",
            "R", "ZZZ", "A1"};
    private static final String[] FIELDS = {"supplier", "recipient", "items", "stage", "reportedOn", "estimate",
            "source", "id", "title", "kind", "parties", "signedOn", "speaker", "addressees", "madeOn", "summary", "on",
            "tranche", "grade", "terms", "eventId", "changes", "reason"};

    private final long seed = Long.getLong("dyad.fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);

    private String hostileValue() {
        return switch (random.nextInt(8)) {
            case 0 -> "\"" + HOSTILE[random.nextInt(HOSTILE.length)].replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\"";
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "\"" + "x".repeat(random.nextInt(20_000)) + "\"";
            case 3 -> "[" + "\"RUS\",".repeat(random.nextInt(300)) + "\"IRN\"]";
            case 4 -> "{\"amount\": -5, \"currency\": 7}";
            case 5 -> "null";
            case 6 -> HOSTILE[random.nextInt(HOSTILE.length)];
            default -> "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\": " + random.nextDouble() + "}";
        };
    }

    /** A valid body with one field replaced, removed or added, or the whole body broken. */
    private String mutate(String valid) {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        return switch (random.nextInt(5)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid.replaceFirst("\"" + field + "\"\\s*:", "\"" + field + "_\":");
            case 2 -> valid.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"" + field + "\": "
                    + hostileValue() + ","));
            case 3 -> HOSTILE[random.nextInt(HOSTILE.length)];
            default -> valid.replaceFirst("(\"" + field + "\"\\s*:\\s*)(\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\}|[^,}]+)",
                    "$1" + java.util.regex.Matcher.quoteReplacement(hostileValue()));
        };
    }

    @Test
    void hostileRequestsNeverGetA5xxAndRefusedOnesWriteNothing() {
        String existing = uniqueId("target");
        post("/api/v1/deals", dealReport(existing, "RUS", "IRN", 1));
        String agreement = """
                {"title": "Pact", "kind": "TREATY", "parties": ["RUS", "IRN"], "signedOn": "2001-03-12",
                 "source": {"publisher": "P", "title": "T", "publishedOn": "2001"}}""";
        String statement = """
                {"speaker": "USA", "addressees": ["RUS"], "kind": "PROTEST", "madeOn": "2001-03-12",
                 "summary": "protest", "source": {"publisher": "P", "title": "T", "publishedOn": "2001"}}""";
        String contract = """
                {"on": "2002", "source": {"publisher": "P", "title": "T", "publishedOn": "2002"}}""";
        String correction = """
                {"eventId": "x", "changes": {"reportedOn": "2001-02"}, "reason": "r",
                 "source": {"publisher": "P", "title": "T", "publishedOn": "2002"}}""";
        long before = storedEvents();
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String path;
            String body = null;
            HttpMethod method = HttpMethod.POST;
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    path = "/api/v1/deals";
                    body = mutate(dealReport(uniqueId("fuzz"), "RUS", "IRN", 1));
                }
                case 2 -> {
                    path = "/api/v1/agreements";
                    body = mutate(agreement);
                }
                case 3 -> {
                    path = "/api/v1/statements";
                    body = mutate(statement);
                }
                case 4 -> {
                    path = "/api/v1/deals/" + (random.nextBoolean() ? existing : "nope") + "/contract";
                    body = mutate(contract);
                }
                case 5 -> {
                    path = "/api/v1/records/" + existing + "/corrections";
                    body = mutate(correction);
                }
                case 6 -> {
                    method = HttpMethod.GET;
                    path = "/api/v1/deals?status=" + enc() + "&supplier=" + enc() + "&minValue=" + enc()
                            + "&sort=" + enc() + "&asOf=" + enc() + "&size=" + enc();
                }
                case 7 -> {
                    method = HttpMethod.GET;
                    path = "/api/v1/relationships/" + enc() + "/IRN?asOf=" + enc() + "&knownAt=" + enc();
                }
                default -> {
                    method = HttpMethod.GET;
                    path = "/api/v1/timeline?parties=" + enc() + "&from=" + enc() + "&types=" + enc();
                }
            }
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
            int status = answer.getStatusCode().value();
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                serverErrors.add(status + " " + method + " " + path + " " + body);
            } else if (method == HttpMethod.POST && status < 300) {
                accepted++;
            }
        }
        System.out.printf("Hostile input: %d requests (seed %d), statuses %s%n", REQUESTS, seed, statuses);
        assertThat(serverErrors).as("answers with 5xx").isEmpty();
        assertThat(storedEvents() - before).as("events written: one per accepted command, none by the refused")
                .isEqualTo(accepted);
        assertThat(statuses.keySet()).as("most requests are refused").anyMatch(s -> s >= 400 && s < 500);
    }

    private String enc() {
        String value = random.nextInt(4) == 0 ? "RUS" : HOSTILE[random.nextInt(HOSTILE.length)];
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
