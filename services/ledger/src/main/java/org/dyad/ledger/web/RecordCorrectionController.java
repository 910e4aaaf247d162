package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dyad.contracts.correction.command.CorrectRecord;
import org.dyad.contracts.correction.command.RetractRecord;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.dyad.ledger.web.CommandRecorder.recorder;

/** Corrections and retractions of any record (deal, agreement or statement), by the record's id. */
@RestController
@RequestMapping(path = "/api/v1/records", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Corrections", description = "Correct or retract earlier records; nothing is ever deleted")
public class RecordCorrectionController {

    private static final String RECORDS = "/api/v1/records";
    private final CommandRecorder recorder;

    RecordCorrectionController(CommandRecorder recorder) {
        this.recorder = recorder;
    }

    @Operation(summary = "Correct fields of an earlier event (CorrectRecord → RecordCorrected)")
    @PostMapping("/{recordId}/corrections")
    public ResponseEntity<RecordedResponse> correctRecord(@PathVariable String recordId,
                                                          @Valid @RequestBody CorrectRecordRequest body,
                                                          HttpServletRequest request) {
        return recorder.change(request, body, RECORDS, recordId, version -> new CorrectRecord(recordId,
                body.eventId(), body.changes(), body.reason(), body.source(), body.grade(), recorder(request),
                version));
    }

    @Operation(summary = "Withdraw a claim whose source proved wrong (RetractRecord → RecordRetracted)")
    @PostMapping("/{recordId}/retractions")
    public ResponseEntity<RecordedResponse> retractRecord(@PathVariable String recordId,
                                                          @Valid @RequestBody RetractRecordRequest body,
                                                          HttpServletRequest request) {
        return recorder.change(request, body, RECORDS, recordId, version -> new RetractRecord(recordId,
                body.eventId(), body.reason(), body.source(), body.grade(), recorder(request), version));
    }
}
