package org.dyad.views.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.dyad.contracts.query.DealSummary;
import org.dyad.contracts.query.FetchDeal;
import org.dyad.contracts.query.FetchDeals;
import org.dyad.contracts.query.Page;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.DealReader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.dyad.views.web.RelationshipController.ACTOR;
import static org.dyad.views.web.RelationshipController.ACTOR_MESSAGE;

@RestController
@RequestMapping(path = "/api/v1/deals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deals", description = "Arms transfers on record, with their estimates and sources")
public class DealQueryController {

    private final DealReader deals;
    private final ConsistencyGate consistency;

    DealQueryController(DealReader deals, ConsistencyGate consistency) {
        this.deals = deals;
        this.consistency = consistency;
    }

    @Operation(summary = "Fetch deals by status (PENDING, ALL or a stage), supplier and recipient")
    @GetMapping
    public ResponseEntity<Page<DealSummary>> fetchDeals(
            @Parameter(description = "PENDING (not fully delivered), ALL, or a stage such as CONTRACTED")
            @RequestParam(defaultValue = "PENDING")
            @Pattern(regexp = "PENDING|ALL|REPORTED|NEGOTIATING|CONTRACTED|DELIVERING|DELIVERED",
                    message = "must be PENDING, ALL, REPORTED, NEGOTIATING, CONTRACTED, DELIVERING or DELIVERED")
            String status,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String supplier,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String recipient,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        boolean consistent = consistency.await(waitFor);
        return ViewResponses.ok(deals.find(new FetchDeals(status, supplier, recipient, page, size)), consistent);
    }

    @Operation(summary = "Fetch one deal with the latest estimate of each source")
    @GetMapping("/{dealId}")
    public ResponseEntity<DealSummary> fetchDeal(@PathVariable String dealId,
                                                 @RequestParam(required = false) List<String> waitFor) {
        boolean consistent = consistency.await(waitFor);
        FetchDeal query = new FetchDeal(dealId);
        return ViewResponses.ok(deals.byId(query.dealId())
                .orElseThrow(() -> ApiProblemException.notFound("deal " + dealId)), consistent);
    }
}
