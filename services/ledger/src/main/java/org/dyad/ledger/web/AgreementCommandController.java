package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dyad.contracts.agreement.SignAgreement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements: record", description = "Commands that record facts about agreements")
public class AgreementCommandController {

    private final CommandGateway commands;
    private final RecordingReceipts receipts;

    AgreementCommandController(CommandGateway commands, RecordingReceipts receipts) {
        this.commands = commands;
        this.receipts = receipts;
    }

    @Operation(summary = "Record that two or more parties signed an agreement (SignAgreement → AgreementSigned)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RecordedResponse> signAgreement(@Valid @RequestBody SignAgreementRequest request,
                                                          Principal principal) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        commands.sendAndWait(new SignAgreement(id, request.title(), request.kind(),
                request.subjects() == null ? List.of() : request.subjects(), request.parties(), request.signedOn(),
                request.place(), request.source(), RecordingReceipts.recorder(principal)));
        return receipts.created("/api/v1/agreements", id);
    }
}
