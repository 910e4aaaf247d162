package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dyad.contracts.statement.command.RecordStatement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static org.dyad.ledger.web.CommandRecorder.recorder;

@RestController
@RequestMapping(path = "/api/v1/statements", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Statements: record", description = "Official statements: protests, threats, pledges, expectations")
public class StatementCommandController {

    private final CommandRecorder recorder;
    private final RecordDirectory records;

    StatementCommandController(CommandRecorder recorder, RecordDirectory records) {
        this.recorder = recorder;
        this.records = records;
    }

    @Operation(summary = "Record an official statement (RecordStatement → StatementRecorded)")
    @PostMapping
    public ResponseEntity<RecordedResponse> recordStatement(@Valid @RequestBody RecordStatementRequest body,
                                                            HttpServletRequest request) {
        records.requireExisting("dealId", body.dealId(), "Deal");
        records.requireExisting("agreementId", body.agreementId(), "Agreement");
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        return recorder.create(request, body, "/api/v1/statements", id, new RecordStatement(id, body.speaker(),
                body.addressees(), body.kind(), body.madeOn(), body.summary(), body.cameoCode(), body.condition(),
                body.dealId(), body.agreementId(), body.source(), body.grade(), recorder(request), body.claim()));
    }
}
