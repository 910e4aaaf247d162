package org.dyad.views.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.contracts.query.AgreementSummary;
import org.dyad.contracts.query.FetchAgreement;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.AgreementReader;
import org.dyad.views.query.ConsistencyGate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agreements", description = "Agreements on record, with each party's status")
public class AgreementQueryController {

    private final AgreementReader agreements;
    private final ConsistencyGate consistency;

    AgreementQueryController(AgreementReader agreements, ConsistencyGate consistency) {
        this.agreements = agreements;
        this.consistency = consistency;
    }

    @Operation(summary = "Fetch one agreement with each party's status and its sources")
    @GetMapping("/{agreementId}")
    public ResponseEntity<AgreementSummary> fetchAgreement(@PathVariable String agreementId,
                                                           @RequestParam(required = false) List<String> waitFor) {
        boolean consistent = consistency.await(waitFor);
        FetchAgreement query = new FetchAgreement(agreementId);
        return ViewResponses.ok(agreements.byId(query.agreementId())
                .orElseThrow(() -> ApiProblemException.notFound("agreement " + agreementId)), consistent);
    }
}
