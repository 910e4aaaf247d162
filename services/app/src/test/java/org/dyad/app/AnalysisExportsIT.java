package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dyad.views.export.DealExport;
import org.dyad.views.export.ExportFilter;
import org.dyad.views.export.ParquetRows;
import org.dyad.views.export.TidyFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exports for analysis over HTTP. Nepal supplies Laos (a pair no other test uses): a contract of 2015 for ten
 * aircraft (USD 30 million as the press reported it, TIV 50 from SIPRI), four delivered in 2016 and six spread over
 * 2017–2018, and a cooperation agreement signed in 2016, in force from 2017; then, recorded later, a report of 2019
 * whose designation and description are hostile text. Each export is downloaded in each format, read back, and cut
 * by {@code asOf} and {@code knownAt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisExportsIT extends DyadIntegrationTest {

    private static final String SUPPLIER = "NPL";
    private static final String RECIPIENT = "LAO";
    private static final String PAIR = "supplier=" + SUPPLIER + "&recipient=" + RECIPIENT;
    private static final String PRESS = """
            "source": {"publisher": "Vientiane Times", "title": "Aircraft for the air force",
                       "publishedOn": "2015-06-20"}, "grade": "B2\"""";
    private static final String HOSTILE_DESIGNATION = "=cmd|' /C calc'!A0";
    private static final String HOSTILE_DESCRIPTION = "<script>alert(\"x\")</script>, \"quoted\"";

    @Autowired
    private DealExport dealExport;

    private String contracted;
    private String hostile;
    private String agreement;
    /** After the contract and its deliveries were recorded, before the hostile report was. */
    private Instant beforeHostile;

    @BeforeAll
    void recordTheDeals() throws InterruptedException {
        contracted = uniqueId("npl-lao-aircraft");
        hostile = uniqueId("npl-lao-hostile");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "%s", "recipient": "%s", "stage": "CONTRACTED", "reportedOn": "2015-06",
                 "items": [{"designation": "Y-12", "description": "transport aircraft", "quantity": 10}],
                 "estimate": {"amount": 30000000, "currency": "USD", "qualifier": "ABOUT"}, %s}"""
                .formatted(contracted, SUPPLIER, RECIPIENT, PRESS)));
        ok(post("/api/v1/deals/" + contracted + "/estimates", """
                {"estimate": {"amount": 50, "currency": "TIV", "qualifier": "EXACT"}, "estimatedOn": "2015", %s}"""
                .formatted(SIPRI_SOURCE)));
        ok(post("/api/v1/deals/" + contracted + "/deliveries", """
                {"tranche": {"deliveredOn": "2016", "items": [{"designation": "Y-12", "quantity": 4}]}, %s}"""
                .formatted(SIPRI_SOURCE)));
        String contractToken = ok(post("/api/v1/deals/" + contracted + "/deliveries", """
                {"tranche": {"deliveredOn": "2018", "spreadOver": ["2017", "2018"],
                             "items": [{"designation": "Y-12", "quantity": 6}]}, %s}""".formatted(SIPRI_SOURCE)));
        applied(contracted, contractToken);
        agreement = uniqueId("npl-lao-cooperation");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Defence cooperation agreement", "kind": "AGREEMENT", "parties": ["%s", "%s"],
                 "signedOn": "2016-11", %s}""".formatted(agreement, SUPPLIER, RECIPIENT, PRESS)));
        String agreementToken = ok(post("/api/v1/agreements/" + agreement + "/entry-into-force",
                "{\"on\": \"2017-03\", " + PRESS + "}"));
        await().atMost(Duration.ofSeconds(90)).until(() -> "true".equals(get("/api/v1/agreements/" + agreement
                + "?waitFor=" + agreementToken).getHeaders().getFirst("Dyad-Consistent")));
        beforeHostile = Instant.now();
        Thread.sleep(20);
        String token = ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "%s", "recipient": "%s", "stage": "REPORTED", "reportedOn": "2019-02",
                 "items": [{"designation": %s, "description": %s, "quantity": 2}], %s}"""
                .formatted(hostile, SUPPLIER, RECIPIENT, quoted(HOSTILE_DESIGNATION), quoted(HOSTILE_DESCRIPTION),
                        SIPRI_SOURCE)));
        applied(hostile, token);
    }

    /** Waits until the views hold the write (each wait is bounded; a loaded machine may need several). */
    private void applied(String dealId, String token) {
        await().atMost(Duration.ofSeconds(90)).until(() -> "true".equals(
                get("/api/v1/deals/" + dealId + "?waitFor=" + token).getHeaders().getFirst("Dyad-Consistent")));
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<byte[]> download(String path) {
        ResponseEntity<byte[]> download = http.getForEntity(path, byte[].class);
        assertThat(download.getStatusCode().value()).as(path).isEqualTo(200);
        return download;
    }

    private List<Map<String, String>> csv(String path) throws IOException {
        ResponseEntity<byte[]> download = download(path);
        assertThat(download.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(download.getBody(), StandardCharsets.UTF_8)))) {
            rows.add(record.toMap());
        }
        return rows;
    }

    private List<JsonNode> ndjson(String path) throws IOException {
        ResponseEntity<byte[]> download = download(path);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/x-ndjson");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : new String(download.getBody(), StandardCharsets.UTF_8).lines().toList()) {
            rows.add(json.readTree(line));
        }
        return rows;
    }

    private ParquetRows parquet(String path) throws IOException {
        ResponseEntity<byte[]> download = download(path);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/vnd.apache.parquet");
        return ParquetRows.read(download.getBody());
    }

    @Test
    void theDyadYearPanelDownloadsAsParquetWithAYearPerRowAndTivByDeliveryYear() throws IOException {
        ResponseEntity<byte[]> download = download("/api/v1/exports/dyad-years.parquet?" + PAIR);
        assertThat(download.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"dyad-years.parquet\"");
        List<Map<String, Object>> rows = ParquetRows.read(download.getBody()).rows();

        assertThat(rows).extracting(r -> r.get("year")).containsExactly(2015L, 2016L, 2017L, 2018L, 2019L);
        Map<String, Object> ordered = rows.get(0);
        assertThat(ordered).containsEntry("supplier", SUPPLIER).containsEntry("supplier_cow_num", 790L)
                .containsEntry("supplier_iso2", "NP").containsEntry("recipient_gw_num", 812L)
                .containsEntry("recipient_sipri_name", "Laos").containsEntry("orders_deals", 1L)
                .containsEntry("orders_units", 10L).containsEntry("orders_value_tiv_high", 50.0)
                .containsEntry("orders_value_usd_low", 3.0e7).containsEntry("deliveries_units", 0L);
        assertThat(rows.get(1)).containsEntry("deliveries_units", 4L).containsEntry("deliveries_tiv", 20.0)
                .containsEntry("deliveries_deals", 1L).containsEntry("orders_deals", 0L);
        assertThat(rows.get(1)).containsEntry("agreements_in_force", 0L).containsEntry("agreement_ids", null);
        assertThat(rows.get(2)).containsEntry("deliveries_units", 3L).containsEntry("deliveries_tiv", 15.0)
                .containsEntry("agreements_in_force", 1L).containsEntry("agreement_ids", agreement);
        assertThat(rows.get(3)).containsEntry("deliveries_units", 3L).containsEntry("deliveries_tiv", 15.0);
        assertThat(rows.get(4)).containsEntry("orders_deals", 1L).containsEntry("orders_units", 2L)
                .containsEntry("deliveries_units", 0L).containsEntry("agreements_in_force", 1L);
    }

    @Test
    void thePanelIsCutByAsOfAndByKnownAtAndBoundedByFromAndTo() throws IOException {
        List<Map<String, Object>> asOf2016 = parquet("/api/v1/exports/dyad-years.parquet?" + PAIR
                + "&asOf=2016-12-31").rows();
        assertThat(asOf2016).extracting(r -> r.get("year")).containsExactly(2015L, 2016L);
        assertThat(asOf2016.get(1)).containsEntry("deliveries_units", 4L).containsEntry("deliveries_tiv", 20.0);

        List<Map<String, String>> known = csv("/api/v1/exports/dyad-years.csv?" + PAIR + "&knownAt=" + beforeHostile);
        assertThat(known).extracting(r -> r.get("year")).containsExactly("2015", "2016", "2017", "2018");

        List<JsonNode> bounded = ndjson("/api/v1/exports/dyad-years.ndjson?" + PAIR + "&from=2017&to=2021");
        assertThat(bounded).extracting(r -> r.path("year").asInt()).containsExactly(2017, 2018, 2019, 2020, 2021);
        assertThat(bounded.get(3).path("deliveries_units").asInt()).isZero();
        assertThat(bounded.get(0).path("deliveries_tiv").decimalValue()).isEqualByComparingTo("15");
    }

    @Test
    void theDealsExportHasOneRowPerDealWithCodesEstimatesAndSourcesInEachFormat() throws IOException {
        List<Map<String, String>> csv = csv("/api/v1/exports/deals.csv?" + PAIR);
        assertThat(csv).extracting(r -> r.get("deal_id")).containsExactlyInAnyOrder(contracted, hostile);
        Map<String, String> row = csv.stream().filter(r -> r.get("deal_id").equals(contracted)).findFirst()
                .orElseThrow();
        assertThat(row).containsEntry("supplier_name", "Nepal").containsEntry("supplier_iso3", "NPL")
                .containsEntry("supplier_cow_abb", "NEP").containsEntry("recipient_cow_num", "812")
                .containsEntry("stage", "DELIVERING").containsEntry("reported_on", "2015-06")
                .containsEntry("reported_on_precision", "MONTH").containsEntry("order_year", "2015")
                .containsEntry("units_ordered", "10").containsEntry("units_delivered", "10")
                .containsEntry("first_delivery_year", "2016").containsEntry("last_delivery_year", "2018")
                .containsEntry("value_tiv_high", "50").containsEntry("value_usd_low", "30000000")
                .containsEntry("value_usd_source", "Vientiane Times: Aircraft for the air force")
                .containsEntry("value_usd_grade", "B2").containsEntry("value_tiv_source", "SIPRI: Trade register")
                .containsEntry("sources", "Vientiane Times: Aircraft for the air force; SIPRI: Trade register");
        assertThat(Instant.parse(row.get("first_recorded_at"))).isBefore(Instant.parse(row.get("last_recorded_at")));

        List<JsonNode> ndjson = ndjson("/api/v1/exports/deals.ndjson?" + PAIR + "&status=REPORTED");
        assertThat(ndjson).extracting(r -> r.path("deal_id").asText()).containsExactly(hostile);
        List<Map<String, Object>> parquet = parquet("/api/v1/exports/deals.parquet?" + PAIR + "&from=2015&to=2015")
                .rows();
        assertThat(parquet).extracting(r -> r.get("deal_id")).containsExactly(contracted);
        assertThat(parquet.get(0)).containsEntry("units_delivered", 10L).containsEntry("value_tiv_high", 50.0);
    }

    @Test
    void hostileTextComesBackAsDataNeverAsAFormula() throws IOException {
        Map<String, String> csvRow = csv("/api/v1/exports/deals.csv?" + PAIR).stream()
                .filter(r -> r.get("deal_id").equals(hostile)).findFirst().orElseThrow();
        assertThat(csvRow.get("designations")).isEqualTo("'" + HOSTILE_DESIGNATION);
        assertThat(csvRow.get("descriptions")).isEqualTo(HOSTILE_DESCRIPTION);

        JsonNode ndjsonRow = ndjson("/api/v1/exports/deals.ndjson?" + PAIR + "&status=REPORTED").get(0);
        assertThat(ndjsonRow.path("designations").asText()).isEqualTo(HOSTILE_DESIGNATION);
        Map<String, Object> parquetRow = parquet("/api/v1/exports/deals.parquet?" + PAIR + "&from=2019").rows()
                .get(0);
        assertThat(parquetRow).containsEntry("designations", HOSTILE_DESIGNATION)
                .containsEntry("descriptions", HOSTILE_DESCRIPTION);
    }

    @Test
    void theDealsExportIsCutByAsOfAndKnownAt() throws IOException {
        List<Map<String, String>> asOf = csv("/api/v1/exports/deals.csv?" + PAIR + "&asOf=2016-12-31");
        assertThat(asOf).extracting(r -> r.get("deal_id")).containsExactly(contracted);
        assertThat(asOf.get(0)).containsEntry("units_delivered", "4").containsEntry("stage", "DELIVERING");

        List<JsonNode> known = ndjson("/api/v1/exports/deals.ndjson?" + PAIR + "&knownAt=" + beforeHostile);
        assertThat(known).extracting(r -> r.path("deal_id").asText()).containsExactly(contracted);
    }

    @Test
    void theEventsExportIsTheFullHistoryWithItsProvenance() throws IOException {
        List<Map<String, String>> events = csv("/api/v1/exports/events.csv?" + PAIR);
        assertThat(events).extracting(r -> r.get("record_id")).containsOnly(contracted, hostile);
        assertThat(events.stream().filter(r -> r.get("record_id").equals(contracted)).map(r -> r.get("type")))
                .containsExactly("SaleReported", "EstimateRecorded", "DeliveryRecorded", "DeliveryRecorded");
        Map<String, String> report = events.get(0);
        assertThat(report).containsEntry("record_type", "deal").containsEntry("source_publisher", "Vientiane Times")
                .containsEntry("source_title", "Aircraft for the air force")
                .containsEntry("source_published_on", "2015-06-20").containsEntry("grade", "B2")
                .containsEntry("recorded_by", ADMIN).containsEntry("valid_on", "2015-06")
                .containsEntry("valid_on_precision", "MONTH").containsEntry("valid_from", "2015-06-01");
        assertThat(json.readTree(report.get("fields")).path("supplier").asText()).isEqualTo(SUPPLIER);

        List<Map<String, Object>> known = parquet("/api/v1/exports/events.parquet?" + PAIR + "&knownAt="
                + beforeHostile).rows();
        assertThat(known).extracting(r -> r.get("record_id")).containsOnly(contracted).hasSize(4);
        List<JsonNode> in2017 = ndjson("/api/v1/exports/events.ndjson?" + PAIR + "&from=2017&to=2018");
        assertThat(in2017).extracting(r -> r.path("type").asText()).containsExactly("DeliveryRecorded");
        JsonNode hostileReport = ndjson("/api/v1/exports/events.ndjson?" + PAIR + "&from=2019").get(0);
        assertThat(json.readTree(hostileReport.path("fields").asText()).path("items").get(0).path("designation")
                .asText()).isEqualTo(HOSTILE_DESIGNATION);
    }

    @Test
    void rowsAreWrittenAndFlushedAPageAtATimeAsTheyAreRead() throws IOException {
        List<Integer> flushedSizes = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushedSizes.add(size());
            }
        };
        dealExport.write(ExportFilter.of(SUPPLIER, RECIPIENT, null, null, null, null), TidyFormat.CSV, out, 1);

        String firstFlush = out.toString(StandardCharsets.UTF_8).substring(0, flushedSizes.get(0));
        assertThat(firstFlush.lines().count()).as("the header and the first page's one deal").isEqualTo(2);
        assertThat(flushedSizes.stream().distinct().collect(Collectors.toList())).as("each page went out before "
                + "the next was read").hasSizeGreaterThanOrEqualTo(2).isSorted();

        ResponseEntity<byte[]> download = download("/api/v1/exports/events.csv?" + PAIR);
        assertThat(download.getHeaders().getContentLength()).as("streamed, its length unknown before the end")
                .isEqualTo(-1);
        assertThat(download.getHeaders().getFirst("Transfer-Encoding")).isEqualTo("chunked");
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        assertProblem("/api/v1/exports/deals.xlsx", "format", "csv, .ndjson or .parquet");
        assertProblem("/api/v1/exports/deals.csv?supplier=ZZQ", HttpStatus.NOT_FOUND, "supplier", "unknown actor");
        assertProblem("/api/v1/exports/deals.csv?recipient=india", "recipient", "three-letter");
        assertProblem("/api/v1/exports/deals.csv?status=SOLD", "status", "PENDING");
        assertProblem("/api/v1/exports/deals.csv?minValue=lots", "minValue", "not a number");
        assertProblem("/api/v1/exports/events.ndjson?from=19x", "from", "not a year");
        assertProblem("/api/v1/exports/dyad-years.parquet?from=2010&to=2000", "to", "before from");
        assertProblem("/api/v1/exports/dyad-years.csv?asOf=yesterday", "asOf", "not a date");
        assertProblem("/api/v1/exports/events.csv?knownAt=soon", "knownAt", "not an instant");
    }

    private void assertProblem(String path, String field, String reason) {
        assertProblem(path, HttpStatus.BAD_REQUEST, field, reason);
    }

    /** An unknown actor is a 404 naming the field, as on every view. */
    private void assertProblem(String path, HttpStatus status, String field, String reason) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("errors").toString()).as(path).contains("\"field\":\"" + field + "\"")
                .contains(reason);
    }
}
