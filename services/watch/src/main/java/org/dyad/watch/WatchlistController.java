package org.dyad.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.support.web.ApiProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/watchlists")
@Tag(name = "Watchlists", description = "Each user's watchlists: what they watch, and where their alerts go")
public class WatchlistController {

    private final Watchlists watchlists;
    private final WebhookDeliveries deliveries;
    private final WatchProperties properties;
    private final ObjectMapper json;

    WatchlistController(Watchlists watchlists, WebhookDeliveries deliveries, WatchProperties properties,
                        ObjectMapper json) {
        this.watchlists = watchlists;
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
    }

    @Operation(summary = "Make a watchlist; a webhook's secret is in this answer only (webhookSecret)")
    @ApiResponse(responseCode = "201", description = "the watchlist, with webhookSecret when it has a webhook; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = WatchlistAnswer.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> create(@RequestBody WatchlistRequest request, Principal principal) {
        validate(request);
        String secret = request.webhookUrl() == null ? null : WebhookSignature.newSecret();
        Watchlist watchlist = watchlists.create(owner(principal), request, secret);
        ObjectNode body = view(watchlist);
        if (secret != null) {
            body.put("webhookSecret", secret);
        }
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + watchlist.id())).body(body);
    }

    @Operation(summary = "The signed-in user's watchlists")
    @ApiResponse(responseCode = "200", description = "the watchlists",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = WatchlistAnswer.class))))
    @GetMapping
    public JsonNode list(Principal principal) {
        ArrayNode answer = json.createArrayNode();
        watchlists.of(owner(principal)).forEach(w -> answer.add(view(w)));
        return answer;
    }

    @Operation(summary = "One of the signed-in user's watchlists (another user's is not found)")
    @ApiResponse(responseCode = "200", description = "the watchlist",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = WatchlistAnswer.class)))
    @GetMapping("/{id}")
    public JsonNode get(@PathVariable String id, Principal principal) {
        return view(watchlists.find(owner(principal), uuid(id)).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "Replace a watchlist; a new webhook URL gets a new secret, in this answer only")
    @ApiResponse(responseCode = "200", description = "the watchlist, with webhookSecret when its webhook URL changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = WatchlistAnswer.class)))
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode replace(@PathVariable String id, @RequestBody WatchlistRequest request, Principal principal) {
        UUID watchlistId = uuid(id);
        Watchlist before = watchlists.find(owner(principal), watchlistId).orElseThrow(() -> notFound(id));
        validate(request);
        String secret = request.webhookUrl() != null && !Objects.equals(request.webhookUrl(), before.webhookUrl())
                ? WebhookSignature.newSecret() : null;
        Watchlist after = watchlists.replace(owner(principal), watchlistId, request, secret)
                .orElseThrow(() -> notFound(id));
        ObjectNode body = view(after);
        if (secret != null) {
            body.put("webhookSecret", secret);
        }
        return body;
    }

    @Operation(summary = "Delete a watchlist with its alerts and deliveries")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Principal principal) {
        if (!watchlists.delete(owner(principal), uuid(id))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The watchlist's latest webhook deliveries (newest first), each with its attempts")
    @ApiResponse(responseCode = "200", description = "the deliveries, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = WebhookDeliveryAnswer.class))))
    @GetMapping("/{id}/deliveries")
    public JsonNode deliveries(@PathVariable String id, Principal principal) {
        Watchlist watchlist = watchlists.find(owner(principal), uuid(id)).orElseThrow(() -> notFound(id));
        return deliveries.log(watchlist.id(), 100, json);
    }

    private void validate(WatchlistRequest request) {
        if (request == null) {
            throw ApiProblemException.badRequest("body", "must be a watchlist {name, criteria, webhookUrl}");
        }
        request.validate(properties.webhook().allowedHttpHosts());
    }

    private ObjectNode view(Watchlist watchlist) {
        ObjectNode node = json.createObjectNode();
        node.put("id", watchlist.id().toString());
        node.put("name", watchlist.name());
        node.set("criteria", json.valueToTree(watchlist.criteria()));
        node.put("webhookUrl", watchlist.webhookUrl());
        node.put("createdAt", watchlist.createdAt().toString());
        node.put("updatedAt", watchlist.updatedAt().toString());
        ObjectNode names = node.putObject("actorNames");
        WatchlistMatching.actorsNamed(watchlist.criteria()).forEach(code -> names.put(code,
                org.dyad.actors.ActorRegistry.standard().byCode(code).map(org.dyad.actors.Actor::name).orElse(code)));
        return node;
    }

    static String owner(Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.notFound("watchlist " + id);
        }
    }

    private static ApiProblemException notFound(String id) {
        return ApiProblemException.notFound("watchlist " + id);
    }
}
