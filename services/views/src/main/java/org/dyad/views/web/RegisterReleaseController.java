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
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.RegisterReleases;
import org.dyad.views.web.answer.RegisterChangesAnswer;
import org.dyad.views.web.answer.RegisterReleasesAnswer;
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
@RequestMapping(path = "/api/v1/sipri/releases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "SIPRI releases", description = "The releases of SIPRI's trade register imported, and what changed "
        + "from one to another")
public class RegisterReleaseController {

    private final RegisterReleases releases;
    private final ReleaseTimes releaseTimes;
    private final ConsistencyGate consistency;

    RegisterReleaseController(RegisterReleases releases, ReleaseTimes releaseTimes, ConsistencyGate consistency) {
        this.releases = releases;
        this.releaseTimes = releaseTimes;
        this.consistency = consistency;
    }

    @ApiResponse(responseCode = "200", description = "the releases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RegisterReleasesAnswer.class)))
    @Operation(summary = "List the releases on record, newest first: each with its date, the instant Dyad first knew "
            + "it (knownFrom, its first completed import: the instant asReleased stands for), each import of it and "
            + "the number of rows it lists")
    @GetMapping
    public DeferredResult<ResponseEntity<ObjectNode>> fetchReleases(
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(releases.list(), consistent));
    }

    @ApiResponse(responseCode = "200", description = "the changes from a to b",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RegisterChangesAnswer.class)))
    @Operation(summary = "Compare two releases: the deals release a lists and b does not (dropped), those b lists and "
            + "a does not (added), and those both list with different rows (changed, with each cell before and "
            + "after), each list paged alike; deals are compared by deal id")
    @GetMapping("/{a}/changes/{b}")
    public DeferredResult<ResponseEntity<ObjectNode>> fetchChanges(
            @Parameter(description = "the earlier release: its id (sipri-2024-03-11) or date (2024-03-11)")
            @PathVariable String a,
            @Parameter(description = "the later release: its id or date")
            @PathVariable String b,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String supplier,
            @RequestParam(required = false) @Pattern(regexp = ACTOR, message = ACTOR_MESSAGE) String recipient,
            @Parameter(description = "the page of each list (added, dropped, changed)")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) List<String> waitFor) {
        KnownActors.require("supplier", supplier);
        KnownActors.require("recipient", recipient);
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(
                releases.changes(releaseTimes.release(a, "a", true), releaseTimes.release(b, "b", true), supplier,
                        recipient, page, size), consistent));
    }
}
