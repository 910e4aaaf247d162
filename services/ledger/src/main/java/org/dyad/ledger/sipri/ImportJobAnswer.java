package org.dyad.ledger.sipri;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An import job as {@code GET /api/v1/imports/{id}} (and the {@code 202} of {@code POST /api/v1/imports/sipri})
 * answers it: every column of {@code import_job}, with the rate and the time left computed when it is read. A field
 * with no value is left out.
 */
@Schema(name = "ImportJob", description = "an import job: its file, release, status, rows done of the total, "
        + "outcomes counted, rate and time left")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobAnswer(
        String id,
        @Schema(description = "what is imported", example = "SIPRI_TRADE_REGISTER") String kind,
        @Schema(description = "the uploaded file's name, absent when the upload named none") String fileName,
        @Schema(description = "SHA-256 of the file, in hex") String fileSha256,
        @Schema(description = "the release of the register the file is", example = "sipri-2025-03-13")
        String releaseId,
        @Schema(allowableValues = {"QUEUED", "READING", "IMPORTING", "DONE", "FAILED"}) String status,
        @Schema(description = "rows of the file, readable or not (0 until it is read)") int rowsTotal,
        @Schema(description = "rows reported so far") int rowsDone,
        int imported,
        int revised,
        int unchanged,
        @Schema(description = "deals listed by an earlier release that this one no longer lists") int dropped,
        int ambiguous,
        int rejected,
        @Schema(description = "rows read after repairing their encoding or quoting") int repairedRows,
        @Schema(description = "the file's character set, absent until it is read") String charset,
        String startedBy,
        @Schema(format = "date-time") String startedAt,
        @Schema(format = "date-time", description = "absent while the job runs") String finishedAt,
        @Schema(description = "why the job failed, absent unless FAILED") String error,
        @Schema(description = "rows reported per second, to a tenth") double perSecond,
        @Schema(description = "seconds left at the current rate, absent once finished or before any row")
        Long etaSeconds) {
}
