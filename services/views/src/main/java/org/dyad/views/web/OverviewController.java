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
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.FetchOverview;
import org.dyad.views.query.OverviewReader;
import org.dyad.views.web.answer.OverviewAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/overview", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Overview", description = "The whole record at a glance")
public class OverviewController {

    private final ReleaseTimes releaseTimes;
    private final OverviewReader overview;
    private final ConsistencyGate consistency;

    OverviewController(OverviewReader overview, ConsistencyGate consistency, ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.overview = overview;
        this.consistency = consistency;
    }

    @ApiResponse(responseCode = "200", description = "the overview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OverviewAnswer.class)))
    @Operation(summary = "Fetch transfers by year (deals, SIPRI TIV, reported US dollar estimates), the largest "
            + "supplier→recipient flows, deals by stage and agreements by status")
    @GetMapping
    public DeferredResult<ResponseEntity<ObjectNode>> fetchOverview(
            @Parameter(description = "how many of the largest flows (by TIV, then deals) to return")
            @RequestParam(defaultValue = "25") @Min(1) @Max(200) int flows,
            @Parameter(description = "the state of the world on this date (YYYY-MM-DD)")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "only what Dyad had recorded by this instant (ISO-8601)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @Parameter(description = "consistency tokens (id@version) of writes to wait for")
            @RequestParam(required = false) List<String> waitFor) {
        FetchOverview query = new FetchOverview(TimeParameters.asOf(asOf), releaseTimes.knownAt(knownAt, asReleased),
                flows);
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(overview.fetch(query), consistent));
    }
}
