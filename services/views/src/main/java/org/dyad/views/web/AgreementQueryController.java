package org.dyad.views.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.contracts.query.FetchAgreement;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.RecordReader;
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

    private final RecordReader records;
    private final ConsistencyGate consistency;

    AgreementQueryController(RecordReader records, ConsistencyGate consistency) {
        this.records = records;
        this.consistency = consistency;
    }

    @Operation(summary = "Fetch one agreement with each party's status, its history and sources")
    @GetMapping("/{agreementId}")
    public ResponseEntity<ObjectNode> fetchAgreement(@PathVariable String agreementId,
                                                     @RequestParam(required = false) String asOf,
                                                     @RequestParam(required = false) String knownAt,
                                                     @RequestParam(required = false) List<String> waitFor) {
        boolean consistent = consistency.await(waitFor);
        ObjectNode agreement = records.agreement(new FetchAgreement(agreementId, TimeParameters.asOf(asOf),
                        TimeParameters.knownAt(knownAt)))
                .orElseThrow(() -> ApiProblemException.notFound("agreement " + agreementId));
        return ViewResponses.versioned(agreement, consistent);
    }
}
