package org.dyad.views.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.AnswerCache;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.DealReader;
import org.dyad.views.query.FetchDeal;
import org.dyad.views.query.FetchDeals;
import org.dyad.views.web.answer.DealAnswer;
import org.dyad.views.web.answer.DealPageAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.dyad.views.web.RelationshipController.ACTOR;
import static org.dyad.views.web.RelationshipController.ACTOR_MESSAGE;

@RestController
@RequestMapping(path = "/api/v1/deals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deals", description = "Arms transfers on record, with their history, estimates and sources")
public class DealQueryController {

    private final ReleaseTimes releaseTimes;
    private final DealReader deals;
    private final ConsistencyGate consistency;
    private final AnswerCache answers;

    DealQueryController(DealReader deals, ConsistencyGate consistency, AnswerCache answers, ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.deals = deals;
        this.consistency = consistency;
        this.answers = answers;
    }

    @ApiResponse(responseCode = "200", description = "a page of deals; header Dyad-Consistent says whether every "
            + "waitFor token was reached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DealPageAnswer.class)))
    @Operation(summary = "Fetch deals by status, supplier, recipient, category, designation and value, sorted and "
            + "paged, as of a date and as known at an instant")
    @GetMapping
    public DeferredResult<ResponseEntity<JsonNode>> fetchDeals(
            @Parameter(description = "PENDING (not fully delivered, not cancelled or superseded), ALL, a stage such as "
                    + "CONTRACTED or NOTIFIED (sales notified to a legislature, each with its notificationAge), or a "
                    + "side state such as CANCELLED")
            @RequestParam(defaultValue = "PENDING")
            @Pattern(regexp = "PENDING|ALL|REPORTED|NOTIFIED|NEGOTIATING|CONTRACTED|DELIVERING|DELIVERED|ACTIVE"
                    + "|SUSPENDED|CANCELLED|SUPERSEDED", message = "must be PENDING, ALL, a stage (REPORTED, NOTIFIED, "
                    + "NEGOTIATING, CONTRACTED, DELIVERING, DELIVERED) or a side state (ACTIVE, SUSPENDED, CANCELLED, "
                    + "SUPERSEDED)")
            String status,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String supplier,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String recipient,
            @Parameter(description = "a SIPRI category (e.g. AIRCRAFT) or a UN Register category (e.g. VI_WARSHIPS)")
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_IV]{2,40}", message = "must be a category name")
            String category,
            @Parameter(description = "part of a designation or description, any case (e.g. s-300)")
            @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 100) String designation,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal minValue,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal maxValue,
            @Parameter(description = "the currency (ISO 4217, or TIV) of minValue, maxValue and sort=value: each "
                    + "deal's latest estimate in it counts, no conversion is made; required by sort=value, USD when "
                    + "only minValue or maxValue is given")
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            String currency,
            @Parameter(description = "reportedOn, value (in currency, which it requires; deals without a value in "
                    + "it last), supplier, recipient or stage")
            @RequestParam(defaultValue = "reportedOn")
            @Pattern(regexp = "reportedOn|value|supplier|recipient|stage",
                    message = "must be reportedOn, value, supplier, recipient or stage") String sort,
            @RequestParam(defaultValue = "desc") @Pattern(regexp = "asc|desc", message = "must be asc or desc")
            String order,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        KnownActors.require("supplier", supplier);
        KnownActors.require("recipient", recipient);
        if ("value".equals(sort) && currency == null) {
            throw ApiProblemException.badRequest("currency", "sort=value needs a currency (e.g. currency=USD, or TIV): "
                    + "values in different currencies are never compared");
        }
        String valueCurrency = currency == null && (minValue != null || maxValue != null) ? "USD" : currency;
        FetchDeals query = new FetchDeals(status, supplier, recipient, category, designation, minValue, maxValue,
                valueCurrency, sort, "desc".equals(order), page, size, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased));
        // a list of one supplier's or recipient's deals reads only deals naming them
        List<String> actors = Stream.of(supplier, recipient).filter(Objects::nonNull).toList();
        return consistency.whenReached(waitFor, consistent ->
                ViewResponses.ok(answers.answer(query, actors, () -> deals.fetch(query)), consistent));
    }

    @ApiResponse(responseCode = "200", description = "the deal; its version is the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DealAnswer.class)))
    @Operation(summary = "Fetch one deal with its history, every estimate claimed for it and their sources")
    @GetMapping("/{dealId}")
    public DeferredResult<ResponseEntity<ObjectNode>> fetchDeal(@PathVariable String dealId,
                                                @RequestParam(required = false) String asOf,
                                                @RequestParam(required = false) String knownAt,
                                                @Parameter(description = ReleaseTimes.AS_RELEASED)
                                                @RequestParam(required = false) String asReleased,
                                                @RequestParam(required = false) List<String> waitFor) {
        FetchDeal query = new FetchDeal(dealId, TimeParameters.asOf(asOf), releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.versioned(deals.fetch(query)
                .orElseThrow(() -> ApiProblemException.notFound("deal " + dealId)), consistent));
    }
}
