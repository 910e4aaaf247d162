package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.app.cli.DyadCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two releases of the register: the shared sample as SIPRI's 2025 release, then a 2026 release made from it with the
 * kinds of change SIPRI's releases make (a reworded description, changed numbers delivered and delivery years, a
 * respelled country, a dropped row and an added one). The second release revises the deals of the first instead of
 * duplicating them, marks the dropped one, changes nothing when imported again, and makes the first too old to import.
 * The deals' events are read as a subscriber of the topic reads them. A Dyad of its own, since the releases on record
 * decide which files may be imported.
 */
@TestPropertySource(properties = "dyad.test.scenario=sipri-releases")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SipriReleasesIT extends DyadIntegrationTest {

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    private static final String SECOND_RELEASE = "sipri-2026-03-10";
    /** Lines of the sample (and of the release made from it, which keeps every row on its line). */
    private static final int ALBANIA_TURKIYE_TB2 = 14;
    private static final int ALGERIA_UAE_HAFEET = 16;
    private static final int ALGERIA_RUSSIA_MI17 = 17;
    private static final int BELGIUM_USA_LATV = 53;
    /** Two alike orders the second release adds: same pair, year and designation, 2 and 4 submarines. */
    private static final String SCORPENE_OF_TWO = "Chile,France,2024,,2,,Scorpene,submarine,,,,New,,400,800,";
    private static final String SCORPENE_OF_FOUR = "Chile,France,2024,,4,,Scorpene,submarine,,,,New,,400,1600,";

    private static byte[] sample;
    private static JsonNode first;
    private static JsonNode second;
    private static Map<Integer, JsonNode> firstRows;
    private static Map<Integer, JsonNode> secondRows;
    private static List<JsonNode> secondDropped;

    @BeforeEach
    void importBothReleases() throws Exception {
        if (first != null) {
            return;
        }
        sample = sipriSample();
        first = importSipri(sample, "sipri-2025.csv");
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("DONE");
        firstRows = byLine(rows(first));
        second = importSipri(secondRelease(sample), "sipri-2026.csv");
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("DONE");
        List<JsonNode> rows = rows(second);
        secondRows = byLine(rows);
        secondDropped = rows.stream().filter(r -> !r.hasNonNull("line")).toList();
    }

    /** The sample as a release of 10 March 2026 would write it. */
    static byte[] secondRelease(byte[] sample) {
        List<String> lines = new ArrayList<>(new String(sample, StandardCharsets.ISO_8859_1).lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Data generated:")) {
                lines.set(i, "Data generated: 10 Mar 2026 09:14:03 AM");
            }
        }
        change(lines, ALBANIA_TURKIYE_TB2, 1, "Turkiye", "Turkey");
        change(lines, ALGERIA_UAE_HAFEET, 7, "APC", "armoured personnel carrier");
        change(lines, BELGIUM_USA_LATV, 8, "198", "260");
        change(lines, BELGIUM_USA_LATV, 10, "2023; 2024", "2023; 2024; 2025");
        change(lines, BELGIUM_USA_LATV, 15, "35.64", "46.8");
        // the Mi-17 order is no longer listed (Algeria's orders from Russia still are); a new order takes its line
        assertThat(lines.get(ALGERIA_RUSSIA_MI17 - 1)).startsWith("Algeria,Russia,2002,,42,,Mi-17,");
        lines.set(ALGERIA_RUSSIA_MI17 - 1, "Algeria,Russia,2025,,14,?,Su-35,FGA aircraft,,,,New,,50,700,");
        lines.add(SCORPENE_OF_TWO);
        lines.add(SCORPENE_OF_FOUR);
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A third release that lists the two alike orders as one order of 3, as like the one as the other: which of them
     * it revises cannot be told.
     */
    private static byte[] thirdRelease() {
        String second = new String(secondRelease(sample), StandardCharsets.ISO_8859_1);
        return second.replace("Data generated: 10 Mar 2026", "Data generated: 2 Jun 2026")
                .replace(SCORPENE_OF_TWO + "\r\n", "")
                .replace(SCORPENE_OF_FOUR, "Chile,France,2024,,3,,Scorpene,submarine,,,,New,,400,1200,")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void change(List<String> lines, int line, int column, String before, String after) {
        String[] cells = lines.get(line - 1).split(",", -1);
        assertThat(cells[column]).as("line %d, column %d", line, column).isEqualTo(before);
        cells[column] = after;
        lines.set(line - 1, String.join(",", cells));
    }

    private List<JsonNode> rows(JsonNode job) {
        List<JsonNode> rows = new ArrayList<>();
        get("/api/v1/imports/" + job.path("id").asText() + "/rows?size=5000").getBody().path("items")
                .forEach(rows::add);
        return rows;
    }

    private static Map<Integer, JsonNode> byLine(List<JsonNode> rows) {
        Map<Integer, JsonNode> byLine = new HashMap<>();
        rows.stream().filter(r -> r.hasNonNull("line")).forEach(r -> byLine.put(r.path("line").asInt(), r));
        return byLine;
    }

    private String dealOf(int line) {
        return firstRows.get(line).path("dealId").asText();
    }

    private record Published(String type, JsonNode event) {
    }

    /**
     * A deal's events as a subscriber of the topic reads them, once one of the type is published: what the ledger
     * recorded, whatever the views make of it.
     */
    private List<Published> historyWith(String dealId, String type) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> TopicRecords.readAll(bootstrapServers, topic).stream()
                                .filter(r -> dealId.equals(r.key()))
                                .sorted(java.util.Comparator.comparingLong(r -> Long.parseLong(
                                        TopicRecords.header(r, "ce_dyadsequence"))))
                                .map(r -> new Published(TopicRecords.header(r, "ce_type")
                                        .replaceAll("^org\\.dyad\\.[a-z]+\\.|\\.v\\d+$", ""), read(r.value())))
                                .toList(),
                        history -> history.stream().anyMatch(p -> p.type().equals(type)));
    }

    private JsonNode read(byte[] value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> events(List<Published> history, String type) {
        return history.stream().filter(p -> p.type().equals(type)).map(Published::event).toList();
    }

    private ResponseEntity<JsonNode> upload(byte[] file, String release) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType("text/csv"));
        part.setContentDispositionFormData("file", "register.csv");
        form.add("file", new HttpEntity<>(file, part));
        if (release != null) {
            form.add("release", release);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/imports/sipri", new HttpEntity<>(form, headers), JsonNode.class);
    }

    @Test
    void theSecondReleaseRevisesDropsAndAddsInsteadOfDuplicating() {
        int recorded = first.path("imported").asInt();
        assertThat(first.path("releaseId").asText()).isEqualTo("sipri-2025-03-13");
        assertThat(recorded).isGreaterThan(470);

        assertThat(second.path("releaseId").asText()).isEqualTo(SECOND_RELEASE);
        assertThat(second.path("revised").asInt()).as(second.toString()).isEqualTo(3);
        assertThat(second.path("imported").asInt()).as(second.toString()).isEqualTo(3);
        assertThat(second.path("dropped").asInt()).as(second.toString()).isEqualTo(1);
        assertThat(second.path("ambiguous").asInt()).as(second.toString()).isZero();
        assertThat(second.path("unchanged").asInt()).isEqualTo(recorded - 4);
        assertThat(second.path("rejected").asInt()).isEqualTo(first.path("rejected").asInt());

        for (int line : List.of(ALBANIA_TURKIYE_TB2, ALGERIA_UAE_HAFEET, BELGIUM_USA_LATV)) {
            assertThat(secondRows.get(line).path("outcome").asText()).as("line %d", line).isEqualTo("REVISED");
            assertThat(secondRows.get(line).path("dealId").asText()).as("line %d", line).isEqualTo(dealOf(line));
        }
        assertThat(secondRows.get(ALGERIA_RUSSIA_MI17).path("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(secondDropped).singleElement().satisfies(dropped -> {
            assertThat(dropped.path("outcome").asText()).isEqualTo("DROPPED");
            assertThat(dropped.path("dealId").asText()).isEqualTo(dealOf(ALGERIA_RUSSIA_MI17));
        });
        // every deal the second release lists, but the added ones, is a deal of the first
        Set<String> firstDeals = new HashSet<>();
        firstRows.values().forEach(r -> firstDeals.add(r.path("dealId").asText()));
        Set<String> secondDeals = new HashSet<>();
        secondRows.values().stream().filter(r -> r.hasNonNull("dealId"))
                .filter(r -> r.path("line").asInt() != ALGERIA_RUSSIA_MI17)
                .filter(r -> !r.path("outcome").asText().equals("IMPORTED"))
                .forEach(r -> secondDeals.add(r.path("dealId").asText()));
        assertThat(firstDeals).containsAll(secondDeals);
        assertThat(secondDeals).as("no duplicate deals").hasSize(recorded - 1);
    }

    @Test
    void eachChangedFieldIsARevisionOfTheDealWithTheReleaseAsItsSource() {
        List<Published> hafeet = historyWith(dealOf(ALGERIA_UAE_HAFEET), "RegisterEntryRevised");
        JsonNode revision = events(hafeet, "RegisterEntryRevised").get(0);
        assertThat(revision.path("releaseId").asText()).isEqualTo(SECOND_RELEASE);
        assertThat(revision.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("field").asText()).isEqualTo("weaponDescription");
            assertThat(change.path("before").asText()).isEqualTo("APC");
            assertThat(change.path("after").asText()).isEqualTo("armoured personnel carrier");
        });
        assertThat(events(hafeet, "RegisterEntryRecorded")).singleElement()
                .satisfies(recorded -> assertThat(recorded.path("row").path("weaponDescription").asText())
                        .isEqualTo("APC"));

        List<Published> latv = historyWith(dealOf(BELGIUM_USA_LATV), "RegisterEntryRevised");
        assertThat(events(latv, "RegisterEntryRevised").get(0).path("changes").findValuesAsText("field"))
                .containsExactly("numberDelivered", "yearsOfDelivery", "tivOfDeliveredWeapons");
        List<JsonNode> corrections = events(latv, "RecordCorrected");
        assertThat(corrections).as("the deliveries brought in line with the new row").isNotEmpty();
        corrections.forEach(correction -> assertThat(correction.path("provenance").path("source")
                .path("publishedOn").asText()).isEqualTo("2026-03-10"));

        List<Published> tb2 = historyWith(dealOf(ALBANIA_TURKIYE_TB2), "RegisterEntryRevised");
        assertThat(events(tb2, "RegisterEntryRevised").get(0).path("changes").findValuesAsText("after"))
                .containsExactly("Turkey");
    }

    @Test
    void aDealTheNewReleaseNoLongerListsIsMarkedDroppedAndKept() {
        List<Published> mi17 = historyWith(dealOf(ALGERIA_RUSSIA_MI17), "RegisterEntryDropped");

        assertThat(events(mi17, "RegisterEntryDropped")).singleElement()
                .satisfies(dropped -> assertThat(dropped.path("releaseId").asText()).isEqualTo(SECOND_RELEASE));
        assertThat(mi17).extracting(Published::type).contains("SaleReported").doesNotContain("RecordRetracted");
    }

    @Test
    @Order(1)
    void importingTheNewestReleaseAgainChangesNothingAndAnOlderOneIsRefused() {
        long before = storeHead();

        JsonNode again = importSipri(secondRelease(sample), "sipri-2026-again.csv");

        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("DONE");
        assertThat(again.path("imported").asInt() + again.path("revised").asInt() + again.path("dropped").asInt()
                + again.path("ambiguous").asInt()).as(again.toString()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(second.path("imported").asInt()
                + second.path("revised").asInt() + second.path("unchanged").asInt());
        assertThat(storeHead()).as("only the release's record of the import").isEqualTo(before + 1);

        ResponseEntity<JsonNode> older = upload(sample, null);
        assertThat(older.getStatusCode().value()).as(String.valueOf(older.getBody())).isEqualTo(409);
        assertThat(older.getBody().path("errors").get(0).path("field").asText()).isEqualTo("release");
        assertThat(older.getBody().path("errors").get(0).path("reason").asText())
                .contains("release 2025-03-13 is older than release 2026-03-10");

        ResponseEntity<JsonNode> disagreeing = upload(secondRelease(sample), "2026-04-01");
        assertThat(disagreeing.getStatusCode().value()).isEqualTo(400);
        assertThat(disagreeing.getBody().path("errors").get(0).path("field").asText()).isEqualTo("release");
        assertThat(storeHead()).as("refused imports write nothing").isEqualTo(before + 1);
    }

    @Test
    @Order(2)
    void aRowAsLikeOneDealAsAnotherIsReportedAmbiguousAndTheCliExitsTwo() throws Exception {
        Path file = directory.resolve("sipri-2026-06.csv");
        Files.write(file, thirdRelease());
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = DyadCli.run(new String[]{"import-sipri", "--url", "http://localhost:" + port, file.toString()});
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        assertThat(status).as(out).isEqualTo(2);
        assertThat(out).contains("of release sipri-2026-06-02:").contains(" 0 dropped, 1 ambiguous, ");
        List<String> report = Files.readAllLines(directory.resolve("sipri-2026-06.csv.refused.csv"));
        List<String> ambiguous = report.stream().filter(line -> line.contains(",AMBIGUOUS,")).toList();
        assertThat(ambiguous).singleElement().asString().contains("could revise any of the deals");
        // the candidates are the two alike orders the second release added, and neither was dropped
        List<String> added = secondRows.values().stream()
                .filter(r -> r.path("outcome").asText().equals("IMPORTED")
                        && r.path("line").asInt() != ALGERIA_RUSSIA_MI17)
                .map(r -> r.path("dealId").asText()).toList();
        assertThat(added).as("the two Scorpene orders").hasSize(2);
        assertThat(ambiguous.get(0)).contains(added.get(0)).contains(added.get(1));
    }

    @Test
    @Order(3)
    void aDealRecordedFromTheSameContentBeforeReleasesWereRecordsIsThatRowsDealNotADuplicate() throws Exception {
        String legacy = "Peru,France,2024,,1,,Legacy-P1,patrol craft,,,,New,,5,5,";
        String third = new String(thirdRelease(), StandardCharsets.ISO_8859_1);
        org.dyad.sipri.SipriRow row = org.dyad.sipri.SipriTradeRegisterReader.read(new java.io.ByteArrayInputStream(
                (third.substring(0, third.indexOf("\r\n", third.indexOf("Recipient,Supplier")) + 2) + legacy)
                        .getBytes(StandardCharsets.ISO_8859_1))).rows().get(0);
        String contentId = org.dyad.sipri.SipriDealMapper.dealId(row, 1);
        ok(post("/api/v1/deals", dealReport(contentId, "FRA", "PER", 1)));

        JsonNode job = importSipri((third + legacy + "\r\n").getBytes(StandardCharsets.ISO_8859_1), "with-legacy.csv");

        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("imported").asInt()).as(job.toString()).isZero();
        JsonNode outcome = get("/api/v1/imports/" + job.path("id").asText() + "/rows?size=5000").getBody()
                .path("items").findParents("dealId").stream()
                .filter(r -> contentId.equals(r.path("dealId").asText())).findFirst().orElseThrow();
        assertThat(outcome.path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(outcome.path("reason").asText()).startsWith("recorded before releases were records");
    }
}
