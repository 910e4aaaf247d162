package org.dyad.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event that matched a watchlist. Its id is derived from the watchlist and the event, so the same match always
 * has the same id (a subscriber of the alerts topic can drop a repeated one by it).
 *
 * @param eventType  the event's name, e.g. {@code ContractConcluded}
 * @param time       when Dyad recorded the event
 * @param link       the API path of the record the event belongs to
 * @param readAt     when the owner marked it read; null while unread
 */
public record Alert(UUID id, UUID watchlistId, String watchlistName, String owner, String eventId, String eventType,
                    String recordId, String recordKind, OffsetDateTime time, List<String> actors, String summary,
                    String link, OffsetDateTime raisedAt, OffsetDateTime readAt) {

    private static final ActorRegistry ACTORS = ActorRegistry.standard();

    static UUID idOf(UUID watchlistId, String eventId) {
        return UUID.nameUUIDFromBytes((watchlistId + "/" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** The alert as the API, the live feed, the alerts topic and webhooks show it. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id.toString());
        node.put("watchlistId", watchlistId.toString());
        node.put("watchlistName", watchlistName);
        node.put("eventId", eventId);
        node.put("eventType", eventType);
        node.put("recordId", recordId);
        node.put("recordKind", recordKind);
        node.put("time", time.toString());
        actors.forEach(node.putArray("actors")::add);
        node.put("summary", summary);
        node.put("link", link);
        node.put("raisedAt", raisedAt.toString());
        node.put("read", readAt != null);
        if (readAt != null) {
            node.put("readAt", readAt.toString());
        }
        ObjectNode names = node.putObject("actorNames");
        actors.forEach(code -> names.put(code, ACTORS.byCode(code).map(Actor::name).orElse(code)));
        return node;
    }
}
