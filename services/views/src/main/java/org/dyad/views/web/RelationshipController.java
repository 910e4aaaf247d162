package org.dyad.views.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.dyad.views.query.AnswerCache;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.FetchPartners;
import org.dyad.views.query.FetchRelationship;
import org.dyad.views.query.RelationshipReader;
import org.dyad.views.web.answer.PartnerPageAnswer;
import org.dyad.views.web.answer.RelationshipAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/relationships", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Relationships", description = "What is on record between two actors")
public class RelationshipController {

    static final String ACTOR = "[A-Z]{3}";
    static final String ACTOR_MESSAGE = "must be a three-letter actor code such as RUS or IRN";

    private final ReleaseTimes releaseTimes;
    private final RelationshipReader relationships;
    private final ConsistencyGate consistency;
    private final AnswerCache answers;

    RelationshipController(RelationshipReader relationships, ConsistencyGate consistency, AnswerCache answers,
                           ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.relationships = relationships;
        this.consistency = consistency;
        this.answers = answers;
    }

    @ApiResponse(responseCode = "200", description = "the relationship; header Dyad-Consistent says whether every "
            + "waitFor token was reached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RelationshipAnswer.class)))
    @Operation(summary = "Fetch the relationship of two actors: agreements (with each party's status), deals both "
            + "ways counted by stage with one page of them, statements, estimate totals over all deals, first and "
            + "last event, and the latest timeline entries")
    @GetMapping("/{a}/{b}")
    public DeferredResult<ResponseEntity<JsonNode>> fetchRelationship(
            @PathVariable @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String a,
            @PathVariable @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String b,
            @Parameter(description = "the state of the world on this date (YYYY-MM-DD)")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "only what Dyad had recorded by this instant (ISO-8601)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @Parameter(description = "which page of the pair's deals to include, earliest report first")
            @RequestParam(defaultValue = "0") @Min(0) int dealsPage,
            @Parameter(description = "how many deals a page holds")
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int dealsSize,
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        KnownActors.require("a", a);
        KnownActors.require("b", b);
        FetchRelationship query = new FetchRelationship(a, b, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased), dealsPage, dealsSize);
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(
                answers.answer(query, List.of(a, b), () -> relationships.fetch(query)), consistent));
    }

    @ApiResponse(responseCode = "200", description = "a page of partners",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PartnerPageAnswer.class)))
    @Operation(summary = "Fetch an actor's partners with the number of agreements, deals and statements with each")
    @GetMapping
    public DeferredResult<ResponseEntity<JsonNode>> fetchPartners(
            @RequestParam @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String party,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @RequestParam(required = false) List<String> waitFor) {
        KnownActors.require("party", party);
        FetchPartners query = new FetchPartners(party, page, size, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased));
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(
                answers.answer(query, List.of(party), () -> relationships.partners(query)), consistent));
    }
}
