package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dyad.contracts.deal.ReportSale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals: record", description = "Commands that record facts about arms transfers")
public class DealCommandController {

    private final CommandGateway commands;
    private final RecordingReceipts receipts;

    DealCommandController(CommandGateway commands, RecordingReceipts receipts) {
        this.commands = commands;
        this.receipts = receipts;
    }

    @Operation(summary = "Record a reported arms transfer (ReportSale → SaleReported)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RecordedResponse> reportSale(@Valid @RequestBody ReportSaleRequest request,
                                                       Principal principal) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        commands.sendAndWait(new ReportSale(id, request.supplier(), request.recipient(), request.items(),
                request.stage(), request.reportedOn(), request.estimate(), request.source(),
                RecordingReceipts.recorder(principal)));
        return receipts.created("/api/v1/deals", id);
    }
}
