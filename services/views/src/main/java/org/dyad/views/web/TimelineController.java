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
import jakarta.validation.constraints.Size;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.AnswerWriter;
import org.dyad.views.query.ConsistencyGate;
import org.dyad.views.query.FetchTimeline;
import org.dyad.views.query.TimelineReader;
import org.dyad.views.web.answer.TimelineAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Timeline", description = "Every event between actors in valid-time order, with its source")
public class TimelineController {

    private final ReleaseTimes releaseTimes;
    private final TimelineReader timeline;
    private final ConsistencyGate consistency;
    private final AnswerWriter writer;

    TimelineController(TimelineReader timeline, ConsistencyGate consistency, ReleaseTimes releaseTimes,
                       AnswerWriter writer) {
        this.releaseTimes = releaseTimes;
        this.timeline = timeline;
        this.consistency = consistency;
        this.writer = writer;
    }

    @ApiResponse(responseCode = "200", description = "a page of the timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TimelineAnswer.class)))
    @Operation(summary = "Fetch the timeline of events involving all the given actors")
    @GetMapping
    public DeferredResult<ResponseEntity<JsonNode>> fetchTimeline(
            @Parameter(description = "actor codes, e.g. IRN,RUS; events must involve all of them")
            @RequestParam @Size(min = 1, max = 10) List<String> parties,
            @Parameter(description = "first valid date, inclusive (YYYY-MM-DD)") @RequestParam(required = false) String from,
            @Parameter(description = "last valid date, inclusive (YYYY-MM-DD)") @RequestParam(required = false) String to,
            @Parameter(description = "event types such as SaleReported") @RequestParam(required = false) List<String> types,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
            @RequestParam(required = false) String knownAt,
            @Parameter(description = ReleaseTimes.AS_RELEASED)
            @RequestParam(required = false) String asReleased,
            @RequestParam(required = false) List<String> waitFor) {
        for (String party : parties) {
            if (!party.matches(RelationshipController.ACTOR)) {
                throw ApiProblemException.badRequest("parties", "'" + party + "' "
                        + RelationshipController.ACTOR_MESSAGE);
            }
        }
        KnownActors.requireAll("parties", parties);
        if (types != null) {
            for (String type : types) {
                if (EventCatalog.classOfName(type).isEmpty()) {
                    throw ApiProblemException.badRequest("types", "'" + type + "' is not an event type");
                }
            }
        }
        FetchTimeline query = new FetchTimeline(parties, TimeParameters.asOf(from, "from"),
                TimeParameters.asOf(to, "to"), types == null ? List.of() : types, page, size,
                releaseTimes.knownAt(knownAt, asReleased));
        // written here, so that a large page goes compressed to a client that accepts gzip (KeptAnswerConverter)
        return consistency.whenReached(waitFor, consistent -> ViewResponses.ok(writer.write(timeline.fetch(query)),
                consistent));
    }
}
