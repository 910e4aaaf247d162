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
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.BacklogReader;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.DependenceReader;
import org.dyad.views.query.FetchBacklog;
import org.dyad.views.query.FetchDependence;
import org.dyad.views.web.answer.BacklogAnswer;
import org.dyad.views.web.answer.DependenceAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.List;

import static org.dyad.views.web.RelationshipController.ACTOR;
import static org.dyad.views.web.RelationshipController.ACTOR_MESSAGE;

@RestController
@RequestMapping(path = "/api/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analytics", description = "Dependence on partners and the backlog of orders")
public class AnalyticsController {

    private final ReleaseTimes releaseTimes;
    private final DependenceReader dependence;
    private final BacklogReader backlog;
    private final ConsistencyGate consistency;

    AnalyticsController(DependenceReader dependence, BacklogReader backlog, ConsistencyGate consistency,
                        ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.dependence = dependence;
        this.backlog = backlog;
        this.consistency = consistency;
    }

    @ApiResponse(responseCode = "200", description = "the dependence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DependenceAnswer.class)))
    @Operation(summary = "Fetch a recipient's dependence on its suppliers (or a supplier's on its recipients): per "
            + "window of years, each partner's share of the TIV delivered (by year of delivery, as SIPRI counts it), "
            + "of the deals ordered and of the units delivered, the Herfindahl-Hirschman index and its trend")
    @GetMapping("/dependence")
    public DeferredResult<ResponseEntity<ObjectNode>> fetchDependence(
            @Parameter(description = "the recipient whose suppliers are shared out (give this or supplier)")
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String recipient,
            @Parameter(description = "the supplier whose recipients are shared out (give this or recipient)")
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String supplier,
            @Parameter(description = "the first year (default: the first year on record)")
            @RequestParam(required = false) @Min(1900) @Max(2100) Integer from,
            @Parameter(description = "the last year (default: the last year on record)")
            @RequestParam(required = false) @Min(1900) @Max(2100) Integer to,
            @Parameter(description = "years per window; windows start in years divisible by it (2015-2019)")
            @RequestParam(defaultValue = "5") @Min(1) @Max(50) int period,
            @Parameter(description = "the state of the world on this date (YYYY-MM-DD)")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "only what Dyad had recorded by this instant (ISO-8601)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        if ((recipient == null) == (supplier == null)) {
            throw ApiProblemException.badRequest("recipient", "give either recipient (its suppliers' shares) or "
                    + "supplier (its recipients' shares), not both and not neither");
        }
        KnownActors.require("recipient", recipient);
        KnownActors.require("supplier", supplier);
        if (from != null && to != null && from > to) {
            throw ApiProblemException.badRequest("to", "the last year " + to + " is before the first " + from);
        }
        FetchDependence query = new FetchDependence(recipient != null ? recipient : supplier, recipient != null,
                from, to, period, TimeParameters.asOf(asOf), releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(dependence.fetch(query), consistent));
    }

    @ApiResponse(responseCode = "200", description = "the backlog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BacklogAnswer.class)))
    @Operation(summary = "Fetch the backlog of a supplier, a recipient or a pair: each ordered and pending deal's "
            + "units and TIV still to deliver (and its other estimates prorated), with totals by supplier, recipient "
            + "and expected year, the unknown year apart")
    @GetMapping("/backlog")
    public DeferredResult<ResponseEntity<ObjectNode>> fetchBacklog(
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String supplier,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String recipient,
            @Parameter(description = "the state of the world on this date (YYYY-MM-DD)")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "only what Dyad had recorded by this instant (ISO-8601)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        if (supplier == null && recipient == null) {
            throw ApiProblemException.badRequest("supplier", "give a supplier, a recipient or both");
        }
        KnownActors.require("supplier", supplier);
        KnownActors.require("recipient", recipient);
        FetchBacklog query = new FetchBacklog(supplier, recipient, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(backlog.fetch(query), consistent));
    }
}
