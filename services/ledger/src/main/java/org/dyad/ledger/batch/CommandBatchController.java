package org.dyad.ledger.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.dyad.ledger.web.CommandRecorder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Records many commands in one request: see {@link CommandBatches}. */
@RestController
@Tag(name = "Batches", description = "Many commands recorded together, all or none")
public class CommandBatchController {

    private final CommandBatches batches;

    CommandBatchController(CommandBatches batches) {
        this.batches = batches;
    }

    @Operation(summary = "Record up to 1,000 commands at once, all or none",
            description = "Each command names the command endpoint it would be sent to on its own (path), that "
                    + "endpoint's body, and optionally the record's version as If-Match takes it. Every command is "
                    + "checked and handled as its endpoint would, in order, in one transaction: a later command may "
                    + "change or cite a record an earlier one creates. If any command is refused, nothing is "
                    + "recorded and the problem names the command (commands[i]) and its field. Answers, per "
                    + "command in order, what its endpoint answers (record id, version, position, consistency "
                    + "token) with its status (201 created, 200 changed) and location. A retry with the same "
                    + "Idempotency-Key answers the first answer and records nothing. The body's size limit "
                    + "(dyad.api.max-body-bytes) applies.")
    @ApiResponse(responseCode = "200", description = "every command was recorded; results in request order")
    @PostMapping(path = CommandBatches.BATCHES, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> recordBatch(@RequestBody CommandBatchRequest body,
                                           @Parameter(description = "makes a retry of the batch safe")
                                           @RequestHeader(name = CommandRecorder.IDEMPOTENCY_KEY, required = false)
                                           String idempotencyKey,
                                           HttpServletRequest request) {
        return batches.record(body, request);
    }
}
