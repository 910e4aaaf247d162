package org.dyad.contracts.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The JSON Schemas (draft 2020-12) of the published events, one file per event type and version, shipped in this jar
 * under {@value #RESOURCE_DIR}. They are generated from the event records at build time and committed; the schema of
 * an earlier version stays, unchanged, when its record moves on to a new version, because records of that version
 * stay on the topic. See docs/events.md ("Maintaining the contract") for how they are regenerated and checked.
 */
public final class EventSchemas {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** The base of every schema's {@code $id}, which is also the {@code ce_dataschema} of its records. */
    public static final String ID_BASE = "https://dyad.example/schemas/events/";
    /** Where the schemas are on the classpath and under {@code src/main/resources}. */
    public static final String RESOURCE_DIR = "org/dyad/contracts/schemas/";

    private static final java.util.regex.Pattern TYPE =
            java.util.regex.Pattern.compile("org\\.dyad\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    private EventSchemas() {
    }

    /** The schema file of an event class relative to {@value #RESOURCE_DIR}, e.g. {@code deal/SaleReported.v1.json}. */
    public static String path(Class<?> eventClass) {
        EventType t = eventType(eventClass);
        return t.aggregate() + "/" + t.name() + ".v" + t.version() + ".json";
    }

    /** The classpath resource of an event class's schema. */
    public static String resource(Class<?> eventClass) {
        return RESOURCE_DIR + path(eventClass);
    }

    /**
     * The committed schema of a CloudEvents type such as {@code org.dyad.deal.SaleReported.v1}. Earlier versions keep
     * their schema files after a new version replaced them (their records stay on the topic), so this answers for
     * them too; empty for a type Dyad never published.
     */
    public static Optional<String> schemaFor(String ceType) {
        Matcher type = TYPE.matcher(ceType == null ? "" : ceType);
        if (!type.matches()) {
            return Optional.empty();
        }
        String resource = RESOURCE_DIR + type.group(1) + "/" + type.group(2) + ".v" + type.group(3) + ".json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventType eventType(Class<?> eventClass) {
        EventType t = eventClass.getAnnotation(EventType.class);
        if (t == null || !eventClass.isRecord()) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published Dyad event record");
        }
        return t;
    }
}
