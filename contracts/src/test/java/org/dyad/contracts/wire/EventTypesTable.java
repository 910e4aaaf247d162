package org.dyad.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.ActorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of event types in docs/events.md, between {@value #BEGIN} and {@value #END}: one row per event type of
 * {@link EventCatalog} with its description and actor fields, followed by the earlier versions whose schemas stay
 * committed. It is generated from the event records like the schemas, and {@code EventSchemasTest} compares it.
 */
final class EventTypesTable {

    static final String BEGIN = "<!-- event-types: generated from the event records by EventSchemaWriter -->";
    static final String END = "<!-- /event-types -->";
    private static final String SCHEMA_LINK = "../contracts/src/main/resources/" + EventSchemas.RESOURCE_DIR;

    private EventTypesTable() {
    }

    /** The guide with the table between its markers replaced by the generated one. */
    static String into(String guide) {
        int begin = guide.indexOf(BEGIN);
        int end = guide.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the events guide has no " + BEGIN + " … " + END + " section");
        }
        return guide.substring(0, begin + BEGIN.length()) + "\n" + table() + guide.substring(end);
    }

    /** The generated table between the markers of a guide, as it stands there. */
    static String in(String guide) {
        int begin = guide.indexOf(BEGIN);
        int end = guide.indexOf(END);
        return begin < 0 || end < begin ? "" : guide.substring(begin + BEGIN.length() + 1, end);
    }

    static String table() {
        StringBuilder table = new StringBuilder("| `ce_type` | Meaning | Actor fields | Schema |\n|---|---|---|---|\n");
        for (Class<?> event : EventCatalog.EVENTS) {
            EventType t = event.getAnnotation(EventType.class);
            row(table, EventCatalog.typeOf(event), t.description(), actorFields(event, null), EventSchemas.path(event));
            for (int version = t.version() - 1; version >= 1; version--) {
                String type = "org.dyad." + t.aggregate() + "." + t.name() + ".v" + version;
                JsonNode schema = committedSchema(type);
                if (schema != null) {
                    row(table, type, "*Superseded by v" + t.version() + ".* " + schema.path("description").asText(),
                            actorFields(event, schema.path("properties")),
                            t.aggregate() + "/" + t.name() + ".v" + version + ".json");
                }
            }
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String type, String meaning, String actors, String schemaPath) {
        String file = schemaPath.substring(schemaPath.lastIndexOf('/') + 1);
        table.append("| `").append(type).append("` | ").append(meaning.replace("|", "\\|")).append(" | ")
                .append(actors).append(" | [").append(file).append("](").append(SCHEMA_LINK).append(schemaPath)
                .append(") |\n");
    }

    /**
     * The {@link ActorCode} components of an event, those naming an actor the record named before marked so; for an
     * earlier version, those of the current record that its schema has too.
     */
    private static String actorFields(Class<?> event, JsonNode earlierProperties) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : event.getRecordComponents()) {
            ActorCode actorCode = c.getAnnotation(ActorCode.class);
            if (actorCode != null && (earlierProperties == null || earlierProperties.has(c.getName()))) {
                fields.add("`" + c.getName() + "`" + (actorCode.namesIntoRecord() ? "" : " (named before)"));
            }
        }
        return fields.isEmpty() ? "–" : String.join(", ", fields);
    }

    private static JsonNode committedSchema(String type) {
        return EventSchemas.schemaFor(type).map(text -> {
            try {
                return DyadJson.mapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }
}
