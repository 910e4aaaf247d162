package org.dyad.views.query;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives an answer the display names of the actors it names: a top-level {@code "actorNames": {"CHN": "China"}} map
 * of every actor code found in it (as a value or as a key), so that a client shows names without asking for each
 * actor. Codes are read from the whole answer rather than from fields listed per reader, so that an answer keeps its
 * names when a reader adds a field; values of fields that hold other three-letter codes (currencies) are left out.
 * A stored document passed on as its text is searched for quoted three-letter strings that are actors' codes.
 */
public final class ActorNames {

    /** The field every answer naming actors carries. */
    public static final String FIELD = "actorNames";

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern QUOTED_CODE = Pattern.compile("\"([A-Z]{3})\"");
    /** Fields whose three-letter values are not actors. */
    private static final Set<String> NOT_ACTORS = Set.of("currency", "currencies", "grade", "language", "unit",
            "basis", "type", "status", "stage", "kind");
    private static final ActorRegistry ACTORS = ActorRegistry.standard();

    private ActorNames() {
    }

    /** Adds (or replaces) {@value #FIELD} on an object answer; other answers are left as they are. */
    public static JsonNode addTo(JsonNode answer) {
        if (answer instanceof ObjectNode object) {
            Map<String, String> names = new TreeMap<>();
            object.remove(FIELD);
            collect(object, null, names);
            ObjectNode field = object.putObject(FIELD);
            names.forEach(field::put);
        }
        return answer;
    }

    private static void collect(JsonNode node, String fieldName, Map<String, String> names) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            // a stored document passed on as its text (a deal's summary, a timeline entry): its quoted
            // three-letter strings, those that are actors' codes
            Matcher quoted = QUOTED_CODE.matcher(text(raw));
            while (quoted.find()) {
                name(quoted.group(1), names);
            }
        } else if (node.isTextual()) {
            if (fieldName == null || !NOT_ACTORS.contains(fieldName)) {
                name(node.textValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, fieldName, names));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (String part : field.getKey().split("->")) {
                    // a key may be a code, or a direction between two ("RUS->IND")
                    name(part, names);
                }
                collect(field.getValue(), field.getKey(), names);
            }
        }
    }

    private static String text(RawValue raw) {
        return raw.rawValue() instanceof SerializableString serializable ? serializable.getValue()
                : String.valueOf(raw.rawValue());
    }

    private static void name(String text, Map<String, String> names) {
        if (text.length() == 3 && !names.containsKey(text) && CODE.matcher(text).matches()) {
            ACTORS.byCode(text).map(Actor::name).ifPresent(name -> names.put(text, name));
        }
    }
}
