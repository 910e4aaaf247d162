package org.dyad.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.support.web.ApiProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Events that matched the signed-in user's watchlists")
public class AlertController {

    private final Alerts alerts;
    private final ObjectMapper json;

    AlertController(Alerts alerts, ObjectMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @Operation(summary = "The signed-in user's alerts, newest first, a page at a time")
    @ApiResponse(responseCode = "200", description = "a page of alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AlertPageAnswer.class)))
    @GetMapping
    public JsonNode list(
            @Parameter(description = "only alerts not yet marked read") @RequestParam(defaultValue = "false")
            boolean unread,
            @Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "alerts per page, 1 to 200") @RequestParam(defaultValue = "50") int size,
            Principal principal) {
        if (page < 0) {
            throw ApiProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ApiProblemException.badRequest("size", "must be between 1 and 200");
        }
        String owner = WatchlistController.owner(principal);
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("alerts");
        ObjectNode names = json.createObjectNode();
        alerts.page(owner, unread, page, size).forEach(alert -> {
            ObjectNode node = alert.toJson(json);
            names.setAll((ObjectNode) node.remove("actorNames"));
            items.add(node);
        });
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", alerts.count(owner, unread));
        answer.put("unread", alerts.count(owner, true));
        answer.set("actorNames", names);
        return answer;
    }

    @Operation(summary = "Mark one of the signed-in user's alerts read")
    @ApiResponse(responseCode = "200", description = "the alert, read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AlertAnswer.class)))
    @PostMapping("/{id}/read")
    public JsonNode markRead(@PathVariable String id, Principal principal) {
        UUID alertId;
        try {
            alertId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.notFound("alert " + id);
        }
        return alerts.markRead(WatchlistController.owner(principal), alertId).map(a -> (JsonNode) a.toJson(json))
                .orElseThrow(() -> ApiProblemException.notFound("alert " + id));
    }
}
