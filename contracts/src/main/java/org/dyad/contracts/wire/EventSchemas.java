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
    /**
     * The start of every schema's {@code $id}, which is also the {@code ce_dataschema} of its records: this prefix and
     * the CloudEvents type, e.g. {@code urn:dyad:schema:org.dyad.deal.SaleReported.v2}. A name rather than an address,
     * because records stay on the topic longer than any host name lasts; Dyad serves each schema at
     * {@link #servedPath(String)}.
     */
    public static final String ID_PREFIX = "urn:dyad:schema:";
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

    /** The {@code $id} of the schema of a CloudEvents type such as {@code org.dyad.deal.SaleReported.v2}. */
    public static String id(String ceType) {
        return ID_PREFIX + ceType;
    }

    /**
     * Where Dyad serves the schema of a CloudEvents type, relative to its base URL: {@code org.dyad.deal.SaleReported.v2}
     * is at {@code /schemas/org.dyad.deal.SaleReported/v2.json}; empty for a name that is not a Dyad event type.
     */
    public static Optional<String> servedPath(String ceType) {
        Matcher type = TYPE.matcher(ceType == null ? "" : ceType);
        return type.matches() ? Optional.of("/schemas/org.dyad." + type.group(1) + "." + type.group(2) + "/v"
                + type.group(3) + ".json") : Optional.empty();
    }

    static EventType eventType(Class<?> eventClass) {
        EventType t = eventClass.getAnnotation(EventType.class);
        if (t == null || !eventClass.isRecord()) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published Dyad event record");
        }
        return t;
    }
}
