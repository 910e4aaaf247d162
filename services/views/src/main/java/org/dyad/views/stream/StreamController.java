package org.dyad.views.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.web.KnownActors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/stream")
@Tag(name = "Live feed", description = "New events as Server-Sent Events, for dashboards")
public class StreamController {

    private final LiveFeed feed;

    StreamController(LiveFeed feed) {
        this.feed = feed;
    }

    @Operation(summary = "Follow new events as Server-Sent Events (id = position in the feed; resumable with "
            + "Last-Event-ID; a comment line as heartbeat; a client that falls behind is disconnected and resumes "
            + "after the retry pause the feed opens with)")
    @ApiResponse(responseCode = "200", description = "the feed",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    @GetMapping
    public void followEvents(
            @Parameter(description = "only events involving all these actors") @RequestParam(required = false)
            List<String> parties,
            @Parameter(description = "only these event types, e.g. DealCancelled") @RequestParam(required = false)
            List<String> types,
            @Parameter(description = "continue after this event id (as sent in the feed)")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @Parameter(hidden = true) HttpServletRequest request,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        List<String> actors = parties == null ? List.of() : parties;
        actors.forEach(p -> {
            if (!p.matches("[A-Z]{3}")) {
                throw ApiProblemException.badRequest("parties", "'" + p + "' is not a three-letter actor code");
            }
        });
        KnownActors.requireAll("parties", actors);
        List<String> eventTypes = types == null ? List.of() : types;
        eventTypes.forEach(t -> {
            if (EventCatalog.classOfName(t).isEmpty()) {
                throw ApiProblemException.badRequest("types", "'" + t + "' is not an event type");
            }
        });
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                after = -1L;
            }
            if (after < 0) {
                throw ApiProblemException.badRequest("Last-Event-ID", "'" + lastEventId + "' is not an id of this feed");
            }
        }
        Principal principal = request.getUserPrincipal();
        feed.open(request, response, principal == null ? "" : principal.getName(), actors, eventTypes, after);
    }
}
