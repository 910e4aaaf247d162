package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.sipri.SipriReadResult;
import org.dyad.sipri.SipriRow;
import org.dyad.sipri.SipriTradeRegisterReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SIPRI sample, byte for byte as SIPRI exports it, imported through the REST job: every row is accounted for,
 * importing it again changes nothing, and exporting gives back the same rows. It runs on a Dyad of its own, so its
 * hundreds of deals do not mix with other tests' records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@TestPropertySource(properties = "dyad.test.scenario=sipri-import")
class SipriImportExportIT extends DyadIntegrationTest {

    private byte[] sample;
    private JsonNode firstImport;

    @BeforeAll
    void importTheSample() throws Exception {
        sample = sipriSample();
        firstImport = runImport();
        // The job is done when the ledger has the events; the views follow from the topic.
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/deals?status=ALL&size=1").getBody()
                .path("total").asInt() >= firstImport.path("imported").asInt());
    }

    private JsonNode runImport() {
        return runImport(sample);
    }

    private JsonNode runImport(byte[] file) {
        return importSipri(file, "sipri-trade-register-sample.csv");
    }

    @Test
    void everyRowIsImportedOrReportedWithItsLineAndReason() {
        assertThat(firstImport.path("status").asText()).as(firstImport.toString()).isEqualTo("DONE");
        assertThat(firstImport.path("rowsDone").asInt()).isEqualTo(firstImport.path("rowsTotal").asInt());
        assertThat(firstImport.path("imported").asInt() + firstImport.path("unchanged").asInt()
                + firstImport.path("rejected").asInt()).isEqualTo(firstImport.path("rowsTotal").asInt());
        assertThat(firstImport.path("rowsTotal").asInt()).isEqualTo(484);
        assertThat(firstImport.path("repairedRows").asInt()).isEqualTo(1);
        JsonNode rejected = get("/api/v1/imports/" + firstImport.path("id").asText() + "/rows?outcome=REJECTED")
                .getBody();
        rejected.path("items").forEach(r -> assertThat(r.path("line").asInt()).isPositive());
        rejected.path("items").forEach(r -> assertThat(r.path("reason").asText()).isNotBlank());
        assertThat(firstImport.path("imported").asInt()).isGreaterThan(470);
    }

    @Test
    void aSipriRowBecomesADealWithItsStageDeliveriesAndEstimates() {
        JsonNode deals = get("/api/v1/deals?status=ALL&supplier=RUS&recipient=DZA&designation=mi-17").getBody();
        JsonNode mi17 = deals.path("items").get(0);
        assertThat(mi17.path("stage").asText()).isEqualTo("DELIVERED");
        assertThat(mi17.path("items").get(0).path("quantity").asInt()).isEqualTo(42);
        assertThat(mi17.path("deliveries").get(0).path("spreadOver")).hasSize(3);
        assertThat(mi17.path("latestEstimates").findValuesAsText("currency")).contains("USD", "TIV");
        assertThat(mi17.has("estimates")).as("every claim is in the deal's own answer").isFalse();
        assertThat(deals.path("sources").path(mi17.path("sourceIds").get(0).asText()).path("publisher").asText())
                .isEqualTo("SIPRI");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        long before = storeHead();
        JsonNode again = runImport();
        assertThat(again.path("status").asText()).isEqualTo("DONE");
        assertThat(again.path("imported").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(firstImport.path("imported").asInt());
        assertThat(storeHead()).as("only the release's record of the import").isEqualTo(before + 1);
    }

    @Test
    void aRowTheDomainRefusesIsReportedAndTheOtherRowsOfItsChunkLand() {
        List<String> preamble = new String(sample, StandardCharsets.ISO_8859_1).lines().toList();
        List<String> lines = new java.util.ArrayList<>(preamble.subList(0,
                preamble.indexOf(preamble.stream().filter(l -> l.startsWith("Recipient,Supplier")).findFirst()
                        .orElseThrow()) + 1));
        int refusedLine = lines.size() + 2;
        lines.add("India,France,2016,,2,,Chunk-test-A,FGA aircraft,2,,2019,New,,10,20,20");
        // Russia as a state exists from 1991-12-26: the mapping accepts the row, the domain refuses it
        lines.add("India,Russia,1985,,10,,Chunk-test-refused,SAM system,10,,1986,New,,1,10,10");
        lines.add("India,France,2017,,3,,Chunk-test-B,FGA aircraft,,,,New,,10,30,");
        long before = storeHead();

        JsonNode job = runImport(String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("imported").asInt()).isEqualTo(2);
        assertThat(job.path("rejected").asInt()).isEqualTo(1);
        JsonNode refused = get("/api/v1/imports/" + job.path("id").asText() + "/rows?outcome=REJECTED").getBody()
                .path("items").get(0);
        assertThat(refused.path("line").asInt()).isEqualTo(refusedLine);
        assertThat(refused.path("reason").asText()).contains("RUS").contains("did not exist before");
        assertThat(storeHead()).isGreaterThan(before);
    }

    @Test
    void exportingGivesBackTheImportedRows() throws Exception {
        String imported = firstImport.path("id").asText();
        List<Integer> importedLines = ids(get("/api/v1/imports/" + imported + "/rows?outcome=IMPORTED&size=5000")
                .getBody().path("items"), "line").stream().map(Integer::valueOf).toList();
        SipriReadResult original = SipriTradeRegisterReader.read(new ByteArrayInputStream(sample));

        ResponseEntity<byte[]> export = http.getForEntity("/api/v1/exports/trade-register.csv", byte[].class);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
        SipriReadResult exported = SipriTradeRegisterReader.read(new ByteArrayInputStream(export.getBody()));

        List<String> expected = original.rows().stream().filter(r -> importedLines.contains(r.line()))
                .map(SipriImportExportIT::core).sorted().toList();
        List<String> actual = exported.rows().stream().map(SipriImportExportIT::core)
                .filter(expected::contains).sorted().toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(new String(export.getBody(), StandardCharsets.UTF_8)).contains("Recipient,Supplier,Year of order");
    }

    /** SIPRI's core columns, with their uncertainty flags. */
    private static String core(SipriRow r) {
        return String.join("|", r.recipient(), r.supplier(), r.orderYear() + (r.orderYearUncertain() ? "?" : ""),
                r.numberOrdered() + (r.numberOrderedUncertain() ? "?" : ""), r.designation(),
                String.valueOf(r.description()), r.numberDelivered() + (r.numberDeliveredUncertain() ? "?" : ""),
                r.deliveryYears().stream().map(String::valueOf).collect(Collectors.joining(";"))
                        + (r.deliveryYearsUncertain() ? "?" : ""), String.valueOf(r.status()));
    }
}
