package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.dyad.contracts.deal.command.CancelDeal;
import org.dyad.contracts.deal.command.CompleteDelivery;
import org.dyad.contracts.deal.command.ConcludeContract;
import org.dyad.contracts.deal.command.ExpectDelivery;
import org.dyad.contracts.deal.command.LinkFramework;
import org.dyad.contracts.deal.command.OpenNegotiation;
import org.dyad.contracts.deal.command.RecordDelivery;
import org.dyad.contracts.deal.command.RecordEstimate;
import org.dyad.contracts.deal.command.NotifySale;
import org.dyad.contracts.deal.command.ReportSale;
import org.dyad.contracts.deal.command.ResumeDeal;
import org.dyad.contracts.deal.command.ReviveDeal;
import org.dyad.contracts.deal.command.SupersedeDeal;
import org.dyad.contracts.deal.command.SuspendDeal;
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
 * Commands on deals. Every endpoint accepts {@code Idempotency-Key}; changes accept {@code If-Match} with the
 * deal's version. Errors: 400 malformed, 404 unknown deal, 409 illegal transition, 412 stale version, 422 rule
 * broken.
 */
@RestController
@RequestMapping(path = "/api/v1/deals", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deals: record", description = "Commands that record facts about arms transfers")
public class DealCommandController {

    private static final String DEALS = "/api/v1/deals";
    private final CommandRecorder recorder;
    private final RecordDirectory records;

    DealCommandController(CommandRecorder recorder, RecordDirectory records) {
        this.recorder = recorder;
        this.records = records;
    }

    @Operation(summary = "Record a reported arms transfer (ReportSale → SaleReported)")
    @PostMapping
    public ResponseEntity<RecordedResponse> reportSale(@Valid @RequestBody ReportSaleRequest body,
                                                       HttpServletRequest request) {
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        return recorder.create(request, body, DEALS, id, new ReportSale(id, body.supplier(), body.recipient(),
                body.items(), body.stage(), body.reportedOn(), body.terms(), body.estimate(), body.source(),
                body.grade(), recorder(request), body.signedBy()));
    }

    @Operation(summary = "Record a sale notified to a legislature, stage NOTIFIED (NotifySale → SaleNotified)")
    @PostMapping("/notifications")
    public ResponseEntity<RecordedResponse> notifySale(@Valid @RequestBody NotifySaleRequest body,
                                                       HttpServletRequest request) {
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        return recorder.create(request, body, DEALS, id, new NotifySale(id, body.supplier(), body.recipient(),
                body.items(), body.notifiedOn(), body.notification(), body.estimate(), body.source(), body.grade(),
                recorder(request)));
    }

    @Operation(summary = "Record that negotiations opened (OpenNegotiation → NegotiationOpened)")
    @PostMapping("/{dealId}/negotiation")
    public ResponseEntity<RecordedResponse> openNegotiation(@PathVariable String dealId,
                                                            @Valid @RequestBody DealTransitionRequest body,
                                                            HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new OpenNegotiation(dealId, body.on(),
                body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that the deal was contracted (ConcludeContract → ContractConcluded)")
    @PostMapping("/{dealId}/contract")
    public ResponseEntity<RecordedResponse> concludeContract(@PathVariable String dealId,
                                                             @Valid @RequestBody ConcludeContractRequest body,
                                                             HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new ConcludeContract(dealId, body.on(),
                body.items(), body.source(), body.grade(), recorder(request), version, body.signedBy()));
    }

    @Operation(summary = "Record a delivered tranche (RecordDelivery → DeliveryRecorded)")
    @PostMapping("/{dealId}/deliveries")
    public ResponseEntity<RecordedResponse> recordDelivery(@PathVariable String dealId,
                                                           @Valid @RequestBody RecordDeliveryRequest body,
                                                           HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new RecordDelivery(dealId, body.tranche(),
                body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record a delivery a source expects, with its period (ExpectDelivery → DeliveryExpected)")
    @PostMapping("/{dealId}/expected-deliveries")
    public ResponseEntity<RecordedResponse> expectDelivery(@PathVariable String dealId,
                                                           @Valid @RequestBody ExpectDeliveryRequest body,
                                                           HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new ExpectDelivery(dealId, body.statedOn(),
                body.dueFrom(), body.dueBy(), body.designation(), body.quantity(), body.note(), body.source(),
                body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that everything was delivered (CompleteDelivery → DeliveryCompleted)")
    @PostMapping("/{dealId}/delivery-completion")
    public ResponseEntity<RecordedResponse> completeDelivery(@PathVariable String dealId,
                                                             @Valid @RequestBody DealTransitionRequest body,
                                                             HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new CompleteDelivery(dealId, body.on(),
                body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that the deal was suspended, e.g. by an embargo it may cite (SuspendDeal → DealSuspended)")
    @PostMapping("/{dealId}/suspension")
    public ResponseEntity<RecordedResponse> suspendDeal(@PathVariable String dealId,
                                                        @Valid @RequestBody DealInterruptionRequest body,
                                                        HttpServletRequest request) {
        records.requireExisting("embargoId", body.embargoId(), "Embargo");
        return recorder.change(request, body, DEALS, dealId, version -> new SuspendDeal(dealId, body.on(),
                body.reason(), body.source(), body.grade(), recorder(request), version, body.embargoId()));
    }

    @Operation(summary = "Record that a suspended deal was resumed (ResumeDeal → DealResumed)")
    @PostMapping("/{dealId}/resumption")
    public ResponseEntity<RecordedResponse> resumeDeal(@PathVariable String dealId,
                                                       @Valid @RequestBody DealTransitionRequest body,
                                                       HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new ResumeDeal(dealId, body.on(),
                body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that the deal was cancelled, e.g. by an embargo it may cite (CancelDeal → DealCancelled)")
    @PostMapping("/{dealId}/cancellation")
    public ResponseEntity<RecordedResponse> cancelDeal(@PathVariable String dealId,
                                                       @Valid @RequestBody DealInterruptionRequest body,
                                                       HttpServletRequest request) {
        records.requireExisting("embargoId", body.embargoId(), "Embargo");
        return recorder.change(request, body, DEALS, dealId, version -> new CancelDeal(dealId, body.on(),
                body.reason(), body.source(), body.grade(), recorder(request), version, body.embargoId()));
    }

    @Operation(summary = "Record that a cancelled deal was revived (ReviveDeal → DealRevived)")
    @PostMapping("/{dealId}/revival")
    public ResponseEntity<RecordedResponse> reviveDeal(@PathVariable String dealId,
                                                       @Valid @RequestBody ReviveDealRequest body,
                                                       HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new ReviveDeal(dealId, body.on(),
                body.stage(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record that another deal took this one's place (SupersedeDeal → DealSuperseded)")
    @PostMapping("/{dealId}/supersession")
    public ResponseEntity<RecordedResponse> supersedeDeal(@PathVariable String dealId,
                                                          @Valid @RequestBody SupersedeDealRequest body,
                                                          HttpServletRequest request) {
        records.requireExisting("supersededBy", body.supersededBy(), "Deal");
        return recorder.change(request, body, DEALS, dealId, version -> new SupersedeDeal(dealId, body.on(),
                body.supersededBy(), body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record the framework agreement the deal implements (LinkFramework → FrameworkAgreementLinked)")
    @PostMapping("/{dealId}/framework")
    public ResponseEntity<RecordedResponse> linkFramework(@PathVariable String dealId,
                                                          @Valid @RequestBody LinkFrameworkRequest body,
                                                          HttpServletRequest request) {
        records.requireExisting("agreementId", body.agreementId(), "Agreement");
        return recorder.change(request, body, DEALS, dealId, version -> new LinkFramework(dealId, body.agreementId(),
                body.source(), body.grade(), recorder(request), version));
    }

    @Operation(summary = "Record a value a source claims for the deal (RecordEstimate → EstimateRecorded)")
    @PostMapping("/{dealId}/estimates")
    public ResponseEntity<RecordedResponse> recordEstimate(@PathVariable String dealId,
                                                           @Valid @RequestBody RecordEstimateRequest body,
                                                           HttpServletRequest request) {
        return recorder.change(request, body, DEALS, dealId, version -> new RecordEstimate(dealId, body.estimate(),
                body.estimatedOn(), body.source(), body.grade(), recorder(request), version));
    }
}
