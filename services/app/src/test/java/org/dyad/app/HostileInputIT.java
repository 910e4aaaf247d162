package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.support.security.DashboardSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated malformed or hostile requests — broken JSON, wrong types, huge strings, unknown actors,
 * impossible dates, injection strings, bad parameters, content types a command does not take — never get a 5xx, and
 * only the requests answered 2xx write anything. The generator is seeded (set {@code -Ddyad.fuzz.seed} to replay a
 * run). Hostile bytes go over a plain socket, as no HTTP client library would send them: bytes that are not UTF-8,
 * lone surrogates, content after the JSON value, other charsets, chunked bodies under and over the size limit, every
 * content type on every command; each is refused with problem+json naming the field or header, and writes nothing.
 * The requests it lets through create records, so it runs on a Dyad of its own.
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

    /** Content types a command does not take (each also with a JSON body that would otherwise be accepted). */
    private static final String[] CONTENT_TYPES = {"multipart/form-data", "multipart/form-data; boundary=b",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/octet-stream",
            "text/html", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "application/json-patch+json", "*/*"};
    /** Content types only a raw client sends: malformed, unknown charsets, none at all. */
    private static final String[] RAW_CONTENT_TYPES = {"json", "application/json; charset=nonsense",
            "application/json; charset=", "multipart/form-data; boundary=", "", null};

    @LocalServerPort
    private int port;

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
        // counted in the store itself: a refused creation that reached the store (a reused id) uses up a position,
        // so the head position may move by more than the events written
        long before = ledgerStorage.eventIds().size();
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
            if (random.nextInt(20) > 0) {
                headers.setContentType(MediaType.APPLICATION_JSON);
            } else if (random.nextInt(CONTENT_TYPES.length + 1) < CONTENT_TYPES.length) {
                headers.set(HttpHeaders.CONTENT_TYPE, CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
            }
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
        assertThat(ledgerStorage.eventIds().size() - before)
                .as("events written: one per accepted command, none by the refused").isEqualTo(accepted);
        assertThat(statuses.keySet()).as("most requests are refused").anyMatch(s -> s >= 400 && s < 500);
    }

    private String enc() {
        String value = random.nextInt(4) == 0 ? "RUS" : HOSTILE[random.nextInt(HOSTILE.length)];
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- Hostile bytes: requests sent over a plain socket, as no HTTP client library would send them ----

    /** An answer read off the socket: status, headers (lower-case names) and body. */
    record RawAnswer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String describe() {
            return status + " " + headers.get("content-type") + " " + body;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** The request line and headers of a POST as the local admin; {@code null} content type: no such header. */
    private static byte[] head(String path, String contentType, String... more) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + ADMIN_AUTHORIZATION + "\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String header : more) {
            head.append(header).append("\r\n");
        }
        return bytes(head.append("\r\n").toString());
    }

    /** Sends a request with a Content-Length and reads its answer. */
    private RawAnswer send(String path, String contentType, byte[] body, String... headers) throws IOException {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Length: " + body.length);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(concat(head(path, contentType, all.toArray(String[]::new)), body));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private RawAnswer sendJson(String path, byte[] body) throws IOException {
        return send(path, "application/json", body);
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write(bytes(Integer.toHexString(chunk.length) + "\r\n"));
        out.write(chunk);
        out.write(bytes("\r\n"));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads one answer as it arrives (by its Content-Length or chunks), without waiting for the connection to end. */
    private static RawAnswer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new RawAnswer(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(RawAnswer answer, int status, String field, String reason) {
        assertThat(answer.status()).as(answer.describe()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.describe()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(answer.describe()).contains(field);
            assertThat(problem.path("errors").toString()).as(answer.describe()).contains(reason);
        }
    }

    /** A deal report whose item designation is the given raw bytes (placed between the JSON string's quotes). */
    private byte[] dealWithDesignation(byte[] designation) {
        String[] around = dealReport(uniqueId("bytes"), "RUS", "IRN", 1).split("S-300", 2);
        return concat(bytes(around[0]), designation, bytes(around[1]));
    }

    @Test
    void invalidUtf8AndLoneSurrogatesAreRefusedNamingTheField() throws IOException {
        String designation = "items[0].designation";
        long before = storeHead();
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("a byte that starts no UTF-8 character", new byte[]{'T', (byte) 0xFF, '9'});
        refused.put("a continuation byte alone", new byte[]{'T', (byte) 0x80, '9'});
        refused.put("a truncated two-byte character", new byte[]{'T', (byte) 0xC3});
        refused.put("a truncated three-byte character", new byte[]{'T', (byte) 0xE2, (byte) 0x82});
        refused.put("a surrogate encoded as UTF-8 bytes", new byte[]{'T', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        refused.put("Latin-1 bytes in a UTF-8 body", "Mirage 2000 für".getBytes(StandardCharsets.ISO_8859_1));
        refused.put("a lone high surrogate escaped", bytes("T\\uD800"));
        refused.put("a lone low surrogate escaped", bytes("T\\uDC00x"));
        refused.put("a surrogate pair in the wrong order", bytes("\\uDE80\\uD83D"));
        refused.put("a high surrogate followed by a letter", bytes("\\uD83Dx"));
        for (Map.Entry<String, byte[]> c : refused.entrySet()) {
            RawAnswer answer = sendJson("/api/v1/deals", dealWithDesignation(c.getValue()));
            assertThat(answer.status()).as(c.getKey() + ": " + answer.describe()).isEqualTo(400);
            assertProblem(answer, 400, designation, "");
            assertThat(answer.json().path("errors").toString()).as(c.getKey())
                    .containsAnyOf("UTF-8", "surrogate");
        }
        RawAnswer inAKey = sendJson("/api/v1/deals", bytes(dealReport(uniqueId("bytes"), "RUS", "IRN", 1)
                .replace("\"stage\"", "\"st\\uDFFFage\"")));
        assertProblem(inAKey, 400, null, null);
        assertThat(inAKey.body()).contains("surrogate");
        RawAnswer invalidOutsideStrings = sendJson("/api/v1/deals", concat(bytes("{"), new byte[]{(byte) 0xFF},
                bytes(dealReport(uniqueId("bytes"), "RUS", "IRN", 1).strip().substring(1))));
        assertProblem(invalidOutsideStrings, 400, "body", "");
        assertThat(invalidOutsideStrings.body()).containsAnyOf("UTF-8", "not valid JSON");
        assertThat(storeHead()).as("no refused body wrote an event").isEqualTo(before);

        Map<String, byte[]> accepted = new LinkedHashMap<>();
        accepted.put("a surrogate pair escaped", bytes("\\uD83D\\uDE80"));
        accepted.put("a four-byte character", bytes("🚀"));
        accepted.put("a two-byte character", bytes("für"));
        for (Map.Entry<String, byte[]> c : accepted.entrySet()) {
            RawAnswer answer = sendJson("/api/v1/deals", dealWithDesignation(c.getValue()));
            assertThat(answer.status()).as(c.getKey() + ": " + answer.describe()).isEqualTo(201);
        }
        assertThat(storeHead()).isEqualTo(before + accepted.size());
    }

    @Test
    void jsonFollowedByAnythingButWhitespaceIsRefused() throws IOException {
        long before = storeHead();
        for (String trailing : List.of(" }{\"x\":1} garbage", "{\"x\":1}", " }", "garbage", "\"\"", " 1", "[]",
                "\u0000", ",")) {
            RawAnswer answer = sendJson("/api/v1/deals", bytes(dealReport(uniqueId("trailing"), "RUS", "IRN", 1)
                    .strip() + trailing));
            assertProblem(answer, 400, "body", "");
        }
        assertThat(storeHead()).as("no body with trailing content wrote an event").isEqualTo(before);
        RawAnswer whitespace = sendJson("/api/v1/deals", bytes(dealReport(uniqueId("trailing"), "RUS", "IRN", 1)
                .strip() + " \r\n\t "));
        assertThat(whitespace.status()).as(whitespace.describe()).isEqualTo(201);
        assertThat(storeHead()).isEqualTo(before + 1);
    }

    @Test
    void encodingsOtherThanUtf8AreRefusedAndAUtf8BomIsTolerated() throws IOException {
        long before = storeHead();
        for (String charset : List.of("ISO-8859-1", "UTF-16", "UTF-16LE", "windows-1252", "nonsense", "")) {
            Charset encoding = StandardCharsets.UTF_8;
            try {
                encoding = Charset.forName(charset);
            } catch (IllegalArgumentException unknown) {
                // sent as UTF-8 bytes under a name that is not a charset
            }
            RawAnswer answer = send("/api/v1/deals", "application/json; charset=" + charset,
                    dealReport(uniqueId("charset"), "RUS", "IRN", 1).getBytes(encoding));
            assertProblem(answer, 415, "Content-Type", "UTF-8");
        }
        String deal = dealReport(uniqueId("utf16"), "RUS", "IRN", 1);
        for (byte[] body : List.of(deal.getBytes(StandardCharsets.UTF_16), deal.getBytes(StandardCharsets.UTF_16LE),
                deal.getBytes(Charset.forName("UTF-32")))) {
            RawAnswer answer = sendJson("/api/v1/deals", body);
            assertProblem(answer, 400, "body", "UTF-8");
        }
        long afterOtherEncodings = storeHead();
        assertThat(afterOtherEncodings).as("no event from a body in UTF-16 or UTF-32").isEqualTo(before);
        RawAnswer utf8 = send("/api/v1/deals", "application/json; charset=utf-8",
                bytes(dealReport(uniqueId("utf8"), "RUS", "IRN", 1)));
        assertThat(utf8.status()).as(utf8.describe()).isEqualTo(201);
        RawAnswer bom = sendJson("/api/v1/deals", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes(dealReport(uniqueId("bom"), "RUS", "IRN", 1))));
        assertThat(bom.status()).as(bom.describe()).isEqualTo(201);
        assertThat(storeHead()).isEqualTo(afterOtherEncodings + 2);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileTheClientIsStillSending() throws Exception {
        long before = storeHead();
        long total = 64L << 20;
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Boolean> sender = CompletableFuture.supplyAsync(() -> {
                try {
                    out.write(head("/api/v1/deals", "application/json", "Transfer-Encoding: chunked"));
                    writeChunk(out, bytes(dealReport(uniqueId("chunked"), "RUS", "IRN", 1)
                            .split("\"could reach")[0] + "\""));
                    byte[] chunk = bytes("x".repeat(64 * 1024));
                    while (sent.get() < total) {
                        writeChunk(out, chunk);
                        sent.addAndGet(chunk.length);
                    }
                    out.write(bytes("\"}}\r\n0\r\n\r\n"));
                    out.flush();
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            RawAnswer answer = read(socket.getInputStream());
            long sentWhenAnswered = sent.get();
            assertProblem(answer, 413, null, null);
            assertThat(answer.json().path("detail").asText()).contains("1048576");
            assertThat(sentWhenAnswered).as("bytes sent when the answer came").isLessThan(total);
            assertThat(sender.get(120, TimeUnit.SECONDS)).as("the server stopped reading before the end").isFalse();
            assertThat(sent.get()).as("bytes the client could send").isLessThan(total);
        }
        assertThat(storeHead()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsAccepted() throws Exception {
        long before = storeHead();
        byte[] deal = bytes(dealReport(uniqueId("chunked"), "RUS", "IRN", 1));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head("/api/v1/deals", "application/json", "Transfer-Encoding: chunked"));
            for (int from = 0; from < deal.length; from += 7) {
                writeChunk(out, java.util.Arrays.copyOfRange(deal, from, Math.min(deal.length, from + 7)));
            }
            out.write(bytes("0\r\n\r\n"));
            out.flush();
            RawAnswer answer = read(socket.getInputStream());
            assertThat(answer.status()).as(answer.describe()).isEqualTo(201);
        }
        // a chunked body just under the limit is read whole
        String padded = dealReport(uniqueId("chunked"), "RUS", "IRN", 1).replace("could reach $7 billion",
                "x".repeat(1_000_000));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head("/api/v1/deals", "application/json", "Transfer-Encoding: chunked"));
            writeChunk(out, bytes(padded));
            out.write(bytes("0\r\n\r\n"));
            out.flush();
            RawAnswer answer = read(socket.getInputStream());
            assertThat(answer.status()).as(answer.describe()).isLessThan(500).isNotEqualTo(413);
        }
        assertThat(storeHead()).isGreaterThanOrEqualTo(before + 1);
    }

    /** Every command of the OpenAPI document, sent every content type it does not take. */
    @Test
    void everyCommandRefusesEveryOtherContentTypeWithA415ThatIsCounted() throws IOException {
        String existing = uniqueId("target");
        assertThat(post("/api/v1/deals", dealReport(existing, "RUS", "IRN", 1)).getStatusCode().value()).isEqualTo(201);
        JsonNode paths = get("/v3/api-docs").getBody().path("paths");
        List<String> commands = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            // the dashboard's sign-in is no command: it takes no body, only the Authorization header; nor are the
            // intake's drafts, which take plain text too (IntakeIT refuses the other types)
            if (path.getValue().has("post") && path.getKey().startsWith("/api/v1/")
                    && !path.getKey().startsWith("/api/v1/admin/") && !path.getKey().startsWith("/api/v1/imports")
                    && !path.getKey().startsWith("/api/v1/intake/")
                    // a user's watchlists and alerts are no commands of the ledger (WatchlistsIT refuses other types)
                    && !path.getKey().startsWith("/api/v1/watchlists") && !path.getKey().startsWith("/api/v1/alerts/")
                    && !path.getKey().equals(DashboardSession.PATH)) {
                commands.add(path.getKey().replaceAll("\\{[^}]+}", existing));
            }
        }
        assertThat(commands).hasSizeGreaterThan(20).contains("/api/v1/deals", "/api/v1/statements");
        List<String> types = new ArrayList<>(List.of(CONTENT_TYPES));
        types.addAll(java.util.Arrays.asList(RAW_CONTENT_TYPES));
        Map<String, Double> metersBefore = scrape();
        long before = storeHead();
        int refusals = 0;
        byte[] json = bytes(dealReport(uniqueId("typed"), "RUS", "IRN", 1));
        byte[] multipart = bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + new String(json, StandardCharsets.UTF_8) + "\r\n--b--\r\n");
        for (String command : commands) {
            for (String type : types) {
                byte[] body = type != null && type.startsWith("multipart/form-data; boundary=b") ? multipart : json;
                RawAnswer answer = send(command, type, body);
                assertProblem(answer, 415, "Content-Type", "application/json");
                assertThat(answer.headers().get("accept-post")).as(command + " " + type).contains("application/json");
                refusals++;
            }
        }
        assertThat(storeHead()).as("no refused request wrote an event").isEqualTo(before);
        Map<String, Double> metersAfter = scrape();
        assertThat(sum(metersAfter, "status=\"415\"") - sum(metersBefore, "status=\"415\""))
                .as("415 refusals counted by dyad_commands_total").isEqualTo(refusals);
    }

    @Test
    void anAnswerTheClientCannotAcceptIsA406NeverA5xx() throws IOException {
        long before = storeHead();
        for (String accept : List.of("text/html", "application/xml", "image/png", "text/plain;q=1", "nonsense")) {
            RawAnswer answer = send("/api/v1/deals", "application/json",
                    bytes(dealReport(uniqueId("accept"), "RUS", "IRN", 1)), "Accept: " + accept);
            assertThat(answer.status()).as(accept + ": " + answer.describe()).isIn(400, 406);
            assertThat(answer.headers().get("content-type")).as(accept).startsWith("application/problem+json");
        }
        assertThat(storeHead()).isEqualTo(before);
        RawAnswer problem = send("/api/v1/deals", "application/json",
                bytes(dealReport(uniqueId("accept"), "RUS", "IRN", 1)), "Accept: application/problem+json");
        assertThat(problem.status()).as(problem.describe()).isLessThan(500);
    }

    /** Requests refused before any controller (by the request firewall) reach the error page: its status, as JSON. */
    @Test
    void requestsRefusedBeforeAnyControllerGetProblemJsonWithTheirStatus() throws IOException {
        for (String path : List.of("/api/v1/deals;x=1", "/api/v1/deals/%2e%2e/deals", "/api/v1/deals//x",
                "/api/v1/deals/%25%32%65")) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(bytes("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + ADMIN_AUTHORIZATION + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n"));
                RawAnswer answer = read(socket.getInputStream());
                assertThat(answer.status()).as(path + ": " + answer.describe()).isBetween(400, 499);
                assertProblem(answer, answer.status(), null, null);
            }
        }
    }

    private Map<String, Double> scrape() {
        Map<String, Double> samples = new HashMap<>();
        http.getForObject("/actuator/prometheus", String.class).lines()
                .filter(line -> line.startsWith("dyad_commands_total{")).forEach(line -> {
                    int split = line.lastIndexOf(' ');
                    samples.put(line.substring(0, split), Double.valueOf(line.substring(split + 1)));
                });
        return samples;
    }

    private static double sum(Map<String, Double> samples, String label) {
        return samples.entrySet().stream().filter(s -> s.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
