package org.dyad.ledger.sipri;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.support.web.ApiProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.dyad.ledger.LedgerConfiguration.SCHEMA;

@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: import", description = "Import SIPRI trade-register exports as jobs with a per-row report")
public class SipriImportController {

    private static final String OUTCOMES = "IMPORTED|REVISED|UNCHANGED|DROPPED|AMBIGUOUS|REJECTED";

    private final SipriImportJobs jobs;
    private final JdbcTemplate jdbc;

    SipriImportController(SipriImportJobs jobs, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Import a SIPRI trade-register CSV as a release of the register (202 with the job; follow it "
            + "for progress and the report). The release is the date the export's preamble gives, else the "
            + "'release' field (YYYY-MM-DD), else today; 400 when both are given and differ, 409 when it is older "
            + "than the newest release imported")
    @ApiResponse(responseCode = "202", description = "the job, queued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportJobAnswer.class)))
    @PostMapping(path = "/sipri", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> importSipri(@RequestPart("file") MultipartFile file,
                                                           @RequestParam(defaultValue = "B2") String grade,
                                                           @RequestParam(required = false) String release,
                                                           HttpServletRequest request) throws IOException {
        if (file.isEmpty()) {
            throw ApiProblemException.badRequest("file", "the file is empty");
        }
        AdmiraltyGrade admiralty;
        try {
            admiralty = AdmiraltyGrade.parse(grade);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badRequest("grade", e.getMessage());
        }
        String by = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        // kept on disk rather than in memory: a full register is tens of megabytes
        SipriImportJobs.Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = SipriImportJobs.keep(in, file.getOriginalFilename());
        }
        String id;
        try {
            id = jobs.start(upload, jobs.release(upload.file(), release), by, admiralty);
        } catch (RuntimeException refused) {
            Files.deleteIfExists(upload.file());
            throw refused;
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id)).body(job(id));
    }

    @Operation(summary = "Fetch an import job: status, rows done and total, outcomes, rate and time left")
    @ApiResponse(responseCode = "200", description = "the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportJobAnswer.class)))
    @GetMapping("/{id}")
    public Map<String, Object> fetchImport(@PathVariable String id) {
        return job(id);
    }

    @Operation(summary = "Fetch an import's per-row report (IMPORTED, REVISED, UNCHANGED, AMBIGUOUS or REJECTED, with "
            + "line and reason; DROPPED deals, without a line, last)")
    @ApiResponse(responseCode = "200", description = "a page of the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportRowPageAnswer.class)))
    @GetMapping("/{id}/rows")
    public Map<String, Object> fetchImportRows(@PathVariable String id,
                                               @RequestParam(required = false) String outcome,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "100") int size) {
        job(id);
        if (outcome != null && !outcome.matches(OUTCOMES)) {
            throw ApiProblemException.badRequest("outcome", "must be one of " + OUTCOMES.replace("|", ", "));
        }
        if (page < 0 || size < 1 || size > 5000) {
            throw ApiProblemException.badRequest("size", "page must be 0 or more and size 1 to 5000");
        }
        String filter = " WHERE job_id = ?" + (outcome == null ? "" : " AND outcome = ?");
        Object[] args = outcome == null ? new Object[]{id} : new Object[]{id, outcome};
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + SCHEMA + ".import_row" + filter, Long.class, args);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT line, outcome, deal_id AS \"dealId\", reason FROM "
                + SCHEMA + ".import_row" + filter + " ORDER BY line NULLS LAST, deal_id LIMIT " + size + " OFFSET "
                + (long) page * size,
                args);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", rows);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total);
        return answer;
    }

    private Map<String, Object> job(String id) {
        List<Map<String, Object>> found = jdbc.queryForList("SELECT id, kind, file_name AS \"fileName\", file_sha256"
                + " AS \"fileSha256\", release_id AS \"releaseId\", status, rows_total AS \"rowsTotal\","
                + " rows_done AS \"rowsDone\", imported, revised, unchanged, dropped, ambiguous, rejected,"
                + " repaired AS \"repairedRows\", charset, started_by AS \"startedBy\","
                + " started_at AS \"startedAt\", finished_at AS \"finishedAt\", error FROM " + SCHEMA
                + ".import_job WHERE id = ?", id);
        if (found.isEmpty()) {
            throw ApiProblemException.notFound("import " + id);
        }
        Map<String, Object> job = new LinkedHashMap<>(found.get(0));
        Instant started = ((java.sql.Timestamp) job.get("startedAt")).toInstant();
        Instant until = job.get("finishedAt") == null ? Instant.now()
                : ((java.sql.Timestamp) job.get("finishedAt")).toInstant();
        double seconds = Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
        int done = (Integer) job.get("rowsDone");
        int total = (Integer) job.get("rowsTotal");
        double rate = done / seconds;
        job.put("startedAt", started.toString());
        job.put("finishedAt", job.get("finishedAt") == null ? null : until.toString());
        job.put("perSecond", Math.round(rate * 10) / 10.0);
        job.put("etaSeconds", job.get("finishedAt") == null && rate > 0 ? Math.round((total - done) / rate) : null);
        return job;
    }
}
