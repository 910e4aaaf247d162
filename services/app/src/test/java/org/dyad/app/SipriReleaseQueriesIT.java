package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.RegisterEntryDropped;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRevised;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.register.RegisterImportCounts;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.projection.BatchProjector;
import org.dyad.views.projection.ViewTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases of SIPRI's trade register asked over HTTP: the releases, the changes between two, a deal and a relationship
 * as of a release, the export of a release, and the problems for releases not on record and bad parameters. The
 * release events go to the views as the topic subscriber hands them over, on a Dyad of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@TestPropertySource(properties = "dyad.test.scenario=sipri-release-queries")
class SipriReleaseQueriesIT extends DyadIntegrationTest {

    private static final String REGISTER = "SIPRI Arms Transfers Database: trade register";
    private static final RegisterRow APC_2024 = RegisterRow.of(List.of("India", "Russia", "2020", "", "30", "",
            "BTR-80", "APC", "30", "", "2021; 2022", "New", " as written, with a comma ", "1.6", "48", "48"));
    private static final RegisterRow APC_2025 = RegisterRow.of(List.of("India", "Russia", "2020", "", "30", "",
            "BTR-80", "armoured personnel carrier", "30", "", "2021; 2022", "New", " as written, with a comma ",
            "1.6", "48", "48"));
    private static final RegisterRow SAM = RegisterRow.of(List.of("India", "Russia", "2001", "?", "4", "", "S-300PMU1",
            "SAM system", "4", "", "2003", "New", "", "18.8", "75.2", "75.2"));

    @Autowired
    private BatchProjector projector;
    @Autowired
    private ViewTables liveViewTables;
    @Autowired
    private DataSource dataSource;
    private long position = 1_000_000_000L;
    private final java.util.Map<String, Long> sequences = new java.util.HashMap<>();

    private static Provenance from(String releasedOn, String recordedAt) {
        return new Provenance(new Source("SIPRI", REGISTER, "https://www.sipri.org/databases/armstransfers",
                PartialDate.of(LocalDate.parse(releasedOn)), null, "en"), null, Instant.parse(recordedAt), "importer");
    }

    private static SaleReported sale(String dealId, RegisterRow row, String recordedAt) {
        return new SaleReported(dealId, "RUS", "IND", List.of(DealItem.of(row.weaponDesignation(),
                row.weaponDescription(), 30)), DealStage.REPORTED, PartialDate.parse(row.yearOfOrder()), null,
                List.of(), from("2024-03-11", recordedAt));
    }

    /** Applies the events as one batch, as the views' subscriber does with a poll of the topic. */
    private void apply(DyadEvent... events) {
        List<PublishedEvent> batch = new ArrayList<>();
        for (DyadEvent event : events) {
            long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
            position++;
            batch.add(new PublishedEvent("releases-it-" + position, EventCatalog.typeOf(event.getClass()),
                    event.aggregateId(), sequence, position,
                    event.provenance().recordedAt().atOffset(ZoneOffset.UTC), event, "releases-it", "c-" + position));
        }
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            liveViewTables.lockForWriting();
            projector.apply(batch);
        });
    }

    @BeforeAll
    void twoReleases() {
        String first = "2024-04-01T10:00:00Z";
        apply(new RegisterReleaseRecorded("sipri-2024-03-11", REGISTER, PartialDate.parse("2024-03-11"),
                        from("2024-03-11", first)),
                sale("releases-apc", APC_2024, first),
                new RegisterEntryRecorded("releases-apc", "sipri-2024-03-11", PartialDate.parse("2024-03-11"), 13,
                        APC_2024, from("2024-03-11", first)),
                sale("releases-sam", SAM, first),
                new RegisterEntryRecorded("releases-sam", "sipri-2024-03-11", PartialDate.parse("2024-03-11"), 14, SAM,
                        from("2024-03-11", first)),
                new RegisterReleaseImported("sipri-2024-03-11", "job-1", "register-2024.csv", "ab".repeat(32),
                        "ISO-8859-1", new RegisterImportCounts(2, 2, 0, 0, 0, 0, 0, 0),
                        from("2024-03-11", "2024-04-01T11:00:00Z")));
        String second = "2025-04-01T10:00:00Z";
        apply(new RegisterReleaseRecorded("sipri-2025-03-13", REGISTER, PartialDate.parse("2025-03-13"),
                        from("2025-03-13", second)),
                new RegisterEntryRevised("releases-apc", "sipri-2025-03-13", PartialDate.parse("2025-03-13"), 13,
                        APC_2025, APC_2025.changesSince(APC_2024), from("2025-03-13", second)),
                new RegisterEntryDropped("releases-sam", "sipri-2025-03-13", PartialDate.parse("2025-03-13"),
                        from("2025-03-13", second)),
                new RegisterReleaseImported("sipri-2025-03-13", "job-2", "register-2025.csv", "cd".repeat(32),
                        "UTF-8", new RegisterImportCounts(1, 0, 1, 0, 1, 0, 0, 0),
                        from("2025-03-13", "2025-04-01T11:00:00Z")));
    }

    private void isProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field, String text) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (field != null) {
            assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
        assertThat(response.getBody().toString()).contains(text);
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theReleasesAndTheirChangesAnswerOverHttp() {
        JsonNode releases = get("/api/v1/sipri/releases").getBody().path("releases");
        assertThat(releases).extracting(r -> r.path("releaseId").asText())
                .containsExactly("sipri-2025-03-13", "sipri-2024-03-11");
        assertThat(releases.get(0).path("knownFrom").asText()).isEqualTo("2025-04-01T11:00:00Z");
        assertThat(releases.get(0).path("rows").asInt()).isEqualTo(1);

        JsonNode changes = get("/api/v1/sipri/releases/2024-03-11/changes/sipri-2025-03-13?supplier=RUS&recipient=IND")
                .getBody();
        assertThat(changes.path("counts").path("changed").asInt()).isEqualTo(1);
        assertThat(changes.path("counts").path("dropped").asInt()).isEqualTo(1);
        assertThat(changes.path("changed").get(0).path("changes").get(0).path("after").asText())
                .isEqualTo("armoured personnel carrier");
        assertThat(get("/api/v1/sipri/releases/2024-03-11/changes/2025-03-13?supplier=FRA").getBody()
                .path("counts").path("changed").asInt()).isZero();
    }

    @Test
    void releasesNotOnRecordAndBadParametersAreProblems() {
        isProblem(get("/api/v1/sipri/releases/2023-03-13/changes/2025-03-13"), HttpStatus.NOT_FOUND, null,
                "release 2023-03-13");
        isProblem(get("/api/v1/sipri/releases/2024-03-11/changes/latest"), HttpStatus.BAD_REQUEST, "b", "latest");
        isProblem(get("/api/v1/sipri/releases/2024-03-11/changes/2025-03-13?size=0"), HttpStatus.BAD_REQUEST,
                "size", "size");
        isProblem(get("/api/v1/sipri/releases/2024-03-11/changes/2025-03-13?supplier=XXX"), HttpStatus.NOT_FOUND,
                "supplier", "XXX");
        isProblem(get("/api/v1/deals/releases-apc?asReleased=2023-03-13"), HttpStatus.BAD_REQUEST, "asReleased",
                "no release 2023-03-13");
        isProblem(get("/api/v1/deals?asReleased=2024-03-11&knownAt=2024-05-01T00:00:00Z"), HttpStatus.BAD_REQUEST,
                "asReleased", "knownAt");
        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv"), MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> export = http.exchange("/api/v1/exports/trade-register.csv?asReleased=2023",
                HttpMethod.GET, new HttpEntity<>(csv), String.class);
        isProblem(new ResponseEntity<>(readTree(export.getBody()), export.getHeaders(), export.getStatusCode()),
                HttpStatus.BAD_REQUEST, "asReleased", "2023");
    }

    @Test
    void hostileReleaseNamesAreRefusedNamingTheParameterNeverAnsweredWithAServerError() {
        // an empty asReleased is no release, as an empty knownAt is no instant
        List<String> hostile = List.of("%00", "sipri-2024-03-11%00", "2024-02-30", "9999-99-99",
                "sipri-2024-03-11'%20OR%20'1'='1", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE2024-03-11", "x".repeat(5000),
                "-2024-03-11", "SIPRI-2024-03-11", "2024-03-11T00:00:00Z", "%F0%9F%92%A5");
        for (String name : hostile) {
            List<String> paths = new ArrayList<>(List.of("/api/v1/deals?asReleased=" + name,
                    "/api/v1/deals/releases-apc?asReleased=" + name));
            if (!name.contains("%00") && !name.contains("%2F")) {
                // the servlet container refuses an encoded NUL or slash in any path before Dyad sees it
                paths.add("/api/v1/sipri/releases/" + name + "/changes/2025-03-13");
            }
            for (String path : paths) {
                ResponseEntity<String> answer = http.exchange(java.net.URI.create(http.getRootUri() + path),
                        HttpMethod.GET, HttpEntity.EMPTY, String.class);
                assertThat(answer.getStatusCode().value()).as(path).isBetween(400, 499);
                assertThat(answer.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    @Test
    void aDealAndARelationshipAnswerAsOfARelease() {
        JsonNode now = get("/api/v1/deals/releases-apc").getBody();
        assertThat(now.path("register").path("releaseId").asText()).isEqualTo("sipri-2025-03-13");
        JsonNode then = get("/api/v1/deals/releases-apc?asReleased=2024-03-11").getBody();
        assertThat(then.path("register").path("releaseId").asText()).isEqualTo("sipri-2024-03-11");
        assertThat(then.path("register").path("row").path("weaponDescription").asText()).isEqualTo("APC");
        JsonNode sam = get("/api/v1/deals/releases-sam?asReleased=sipri-2025-03-13").getBody();
        assertThat(sam.path("register").path("droppedIn").asText()).isEqualTo("sipri-2025-03-13");
        ResponseEntity<JsonNode> relationship = get("/api/v1/relationships/RUS/IND?asReleased=2024-03-11");
        assertThat(relationship.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theExportOfAReleaseIsItsRowsAsWritten() {
        ResponseEntity<byte[]> export = http.getForEntity("/api/v1/exports/trade-register.csv?asReleased=2024-03-11",
                byte[].class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("dyad-trade-register-sipri-2024-03-11.csv");
        List<String> lines = new String(export.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("Data generated: 11 Mar 2024");
        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly(
                "India,Russia,2020,,30,,BTR-80,APC,30,,2021; 2022,New,\" as written, with a comma \",1.6,48,48",
                "India,Russia,2001,?,4,,S-300PMU1,SAM system,4,,2003,New,,18.8,75.2,75.2");
    }

    @Test
    void theOpenApiDocumentDescribesTheReleasesAndAsReleased() {
        JsonNode paths = get("/v3/api-docs").getBody().path("paths");
        assertThat(paths.has("/api/v1/sipri/releases")).isTrue();
        assertThat(paths.path("/api/v1/sipri/releases/{a}/changes/{b}").path("get").path("parameters")
                .findValuesAsText("name")).contains("a", "b", "supplier", "recipient", "page", "size");
        for (String path : List.of("/api/v1/deals", "/api/v1/deals/{dealId}", "/api/v1/relationships/{a}/{b}",
                "/api/v1/agreements", "/api/v1/embargoes", "/api/v1/timeline", "/api/v1/overview",
                "/api/v1/actors/{code}/profile", "/api/v1/exports/trade-register.csv")) {
            assertThat(paths.path(path).path("get").path("parameters").findValuesAsText("name")).as(path)
                    .contains("asReleased");
        }
    }
}
