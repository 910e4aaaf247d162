package org.dyad.views.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.AgreementReader;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.FetchAgreement;
import org.dyad.views.query.FetchAgreements;
import org.dyad.views.web.answer.AgreementDocumentAnswer;
import org.dyad.views.web.answer.AgreementPageAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.List;

import static org.dyad.views.web.RelationshipController.ACTOR;
import static org.dyad.views.web.RelationshipController.ACTOR_MESSAGE;

@RestController
@RequestMapping(path = "/api/v1/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agreements", description = "Agreements on record, with each party's status")
public class AgreementQueryController {

    private final ReleaseTimes releaseTimes;
    private final AgreementReader agreements;
    private final ConsistencyGate consistency;

    AgreementQueryController(AgreementReader agreements, ConsistencyGate consistency, ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.agreements = agreements;
        this.consistency = consistency;
    }

    @ApiResponse(responseCode = "200", description = "a page of agreements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AgreementPageAnswer.class)))
    @Operation(summary = "Fetch agreements by party, status (of the agreement or of the party), kind and subject")
    @GetMapping
    public DeferredResult<ResponseEntity<ObjectNode>> fetchAgreements(
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String party,
            @RequestParam(required = false) AgreementStatus status,
            @RequestParam(required = false) PartyStatus partyStatus,
            @RequestParam(required = false) AgreementKind kind,
            @RequestParam(required = false) AgreementSubject subject,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @RequestParam(required = false) List<String> waitFor) {
        KnownActors.require("party", party);
        if (partyStatus != null && party == null) {
            throw ApiProblemException.badRequest("partyStatus", "needs party: whose status?");
        }
        FetchAgreements query = new FetchAgreements(party, name(status), name(partyStatus), name(kind), name(subject),
                page, size, TimeParameters.asOf(asOf), releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(agreements.fetch(query), consistent));
    }

    @ApiResponse(responseCode = "200", description = "the agreement; its version is the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AgreementDocumentAnswer.class)))
    @Operation(summary = "Fetch one agreement with each party's status, its history and sources")
    @GetMapping("/{agreementId}")
    public DeferredResult<ResponseEntity<ObjectNode>> fetchAgreement(@PathVariable String agreementId,
                                                     @RequestParam(required = false) String asOf,
                                                     @RequestParam(required = false) String knownAt,
                                                     @Parameter(description = ReleaseTimes.AS_RELEASED)
                                                     @RequestParam(required = false) String asReleased,
                                                     @RequestParam(required = false) List<String> waitFor) {
        FetchAgreement query = new FetchAgreement(agreementId, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.versioned(agreements.fetch(query)
                .orElseThrow(() -> ApiProblemException.notFound("agreement " + agreementId)), consistent));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
