package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dyad.contracts.embargo.command.ImposeEmbargo;
import org.dyad.contracts.embargo.command.LiftEmbargo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static org.dyad.ledger.web.CommandRecorder.recorder;

/**
 * Commands on embargoes and sanctions. Every endpoint accepts {@code Idempotency-Key}; a lifting accepts
 * {@code If-Match} with the embargo's version. Errors: 400 malformed, 404 unknown embargo, 409 already lifted,
 * 412 stale version, 422 rule broken.
 */
@RestController
@RequestMapping(path = "/api/v1/embargoes", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Embargoes: record", description = "Arms embargoes and sanctions: who imposed them on whom, when")
public class EmbargoCommandController {

    private static final String EMBARGOES = "/api/v1/embargoes";
    private final CommandRecorder recorder;

    EmbargoCommandController(CommandRecorder recorder) {
        this.recorder = recorder;
    }

    @Operation(summary = "Record an embargo or sanctions regime (ImposeEmbargo → EmbargoImposed)")
    @PostMapping
    public ResponseEntity<RecordedResponse> imposeEmbargo(@Valid @RequestBody ImposeEmbargoRequest body,
                                                          HttpServletRequest request) {
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        return recorder.create(request, body, EMBARGOES, id, new ImposeEmbargo(id, body.imposedBy(), body.targets(),
                body.from(), body.to(), body.measures(), body.categories(), body.scope(), body.legalBasis(),
                body.source(), body.grade(), recorder(request)));
    }

    @Operation(summary = "Record that an embargo was lifted (LiftEmbargo → EmbargoLifted)")
    @PostMapping("/{embargoId}/lifting")
    public ResponseEntity<RecordedResponse> liftEmbargo(@PathVariable String embargoId,
                                                        @Valid @RequestBody LiftEmbargoRequest body,
                                                        HttpServletRequest request) {
        return recorder.change(request, body, EMBARGOES, embargoId, version -> new LiftEmbargo(embargoId, body.on(),
                body.reason(), body.source(), body.grade(), recorder(request), version));
    }
}
