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
import org.dyad.contracts.embargo.EmbargoStatus;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.EmbargoReader;
import org.dyad.views.query.FetchEmbargoes;
import org.dyad.views.web.answer.EmbargoDocumentAnswer;
import org.dyad.views.web.answer.EmbargoPageAnswer;
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
@RequestMapping(path = "/api/v1/embargoes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Embargoes", description = "Embargoes and sanctions on record, with their status on a date")
public class EmbargoQueryController {

    /** The roles an actor has in an embargo. */
    public enum EmbargoRole {
        IMPOSER, TARGET
    }

    private final ReleaseTimes releaseTimes;
    private final EmbargoReader embargoes;
    private final ConsistencyGate consistency;

    EmbargoQueryController(EmbargoReader embargoes, ConsistencyGate consistency, ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.embargoes = embargoes;
        this.consistency = consistency;
    }

    @ApiResponse(responseCode = "200", description = "a page of embargoes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EmbargoPageAnswer.class)))
    @Operation(summary = "Fetch embargoes by actor (as imposer or target) and by status on a date")
    @GetMapping
    public DeferredResult<ResponseEntity<ObjectNode>> fetchEmbargoes(
            @Parameter(description = "an actor the embargo names, as imposer or target")
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String actor,
            @Parameter(description = "the actor's role: IMPOSER or TARGET (needs actor)")
            @RequestParam(required = false) EmbargoRole role,
            @Parameter(description = "the status on asOf (today when absent)")
            @RequestParam(required = false) EmbargoStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @Parameter(description = "the state of the world on this date (YYYY-MM-DD)")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "only what Dyad had recorded by this instant (ISO-8601)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @RequestParam(required = false) List<String> waitFor) {
        if (role != null && actor == null) {
            throw ApiProblemException.badRequest("role", "needs actor: whose role?");
        }
        FetchEmbargoes query = new FetchEmbargoes(actor, role == null ? null : role.name(),
                status == null ? null : status.name(), page, size, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(embargoes.fetch(query), consistent));
    }

    @ApiResponse(responseCode = "200", description = "the embargo",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EmbargoDocumentAnswer.class)))
    @Operation(summary = "Fetch one embargo with its status on a date, its history and sources")
    @GetMapping("/{embargoId}")
    public DeferredResult<ResponseEntity<ObjectNode>> fetchEmbargo(@PathVariable String embargoId,
                                                                   @RequestParam(required = false) String asOf,
                                                                   @RequestParam(required = false) String knownAt,
                                                                   @Parameter(description = ReleaseTimes.AS_RELEASED)
                                                                   @RequestParam(required = false) String asReleased,
                                                                   @RequestParam(required = false) List<String> waitFor) {
        return consistency.whenReached(waitFor, consistent -> ViewResponses.versioned(embargoes.fetch(embargoId,
                        TimeParameters.asOf(asOf), releaseTimes.knownAt(knownAt, asReleased))
                .orElseThrow(() -> ApiProblemException.notFound("embargo " + embargoId)), consistent));
    }
}
