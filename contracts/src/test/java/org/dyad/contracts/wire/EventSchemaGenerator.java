package org.dyad.contracts.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.common.ActorCode;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the JSON Schemas (draft 2020-12) of the published events from the event records, so that they cannot
 * drift from what {@link DyadJson} writes; {@link EventSchemaWriter} commits them, {@code EventSchemasTest} fails
 * when the committed files differ.
 * <p>
 * Mapping: strings, numbers, booleans, enums (as their names), {@link Instant} (date-time string), lists (arrays),
 * maps (objects); {@link PartialDate} and {@link AdmiraltyGrade} are patterned strings; other records are objects in
 * {@code $defs}. The description of an event is its {@link EventType#description()}, that of a value type its
 * {@link Described}; a component marked {@link ActorCode} is described as an actor code. Bean Validation constraints
 * on components become {@code pattern}, {@code minimum}/{@code maximum} and length or item limits. Required are the
 * aggregate id, {@code provenance} and primitive components (which Jackson always writes); everything else is
 * optional, and every object allows further properties so that fields can be added within a version.
 */
final class EventSchemaGenerator {

    static final String PARTIAL_DATE_PATTERN =
            "^~?[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
    static final String GRADE_PATTERN = "^[A-F][1-6]$";
    static final String ACTOR_CODE =
            "An actor code: a state, group or organisation of Dyad's actor reference list (`GET /api/v1/actors`).";
    static final String ACTOR_CODES =
            "Actor codes: states, groups or organisations of Dyad's actor reference list (`GET /api/v1/actors`).";

    private static final Map<Class<?>, String> PATTERNED_STRINGS = Map.of(
            PartialDate.class, PARTIAL_DATE_PATTERN, AdmiraltyGrade.class, GRADE_PATTERN);
    private static final Map<Class<?>, String> EXAMPLES = Map.of(
            PartialDate.class, "2001-03-12", AdmiraltyGrade.class, "B2");

    private static final ObjectWriter PRETTY = DyadJson.mapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private EventSchemaGenerator() {
    }

    /** Every event schema as it should be committed: resource path to pretty-printed text. */
    static Map<String, String> generateAll() {
        Map<String, String> files = new TreeMap<>();
        EventCatalog.EVENTS.forEach(c -> files.put(EventSchemas.resource(c), text(generate(c))));
        return files;
    }

    /** The JSON Schema of one published event class. */
    static ObjectNode generate(Class<?> eventClass) {
        EventType eventType = EventSchemas.eventType(eventClass);
        ObjectNode schema = DyadJson.mapper().createObjectNode()
                .put("$schema", EventSchemas.DIALECT)
                .put("$id", EventCatalog.schemaOf(eventClass).toString())
                .put("title", EventCatalog.typeOf(eventClass))
                .put("description", required(eventType.description(), eventClass));
        Map<String, ObjectNode> defs = new TreeMap<>();
        schema.setAll(objectSchema(eventClass, idField(eventClass), defs));
        if (!defs.isEmpty()) {
            schema.putObject("$defs").setAll(defs);
        }
        return schema;
    }

    /** Pretty-printed with two-space indents and a trailing newline, as committed. */
    static String text(ObjectNode schema) {
        try {
            return PRETTY.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The component holding the aggregate id: {@code dealId} for a deal event, {@code code} for an actor event (an
     * actor's record is known by its code), else {@code aggregateId}.
     */
    static String idField(Class<?> eventClass) {
        String aggregate = EventSchemas.eventType(eventClass).aggregate();
        String own = aggregate.equals("actor") ? "code" : aggregate + "Id";
        return Arrays.stream(eventClass.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> n.equals(own) || n.equals("aggregateId")).findFirst()
                .orElseThrow(() -> new IllegalStateException(eventClass.getSimpleName() + " has no " + own));
    }

    /** A record as an object schema; {@code idField} is null for records that are not events. */
    private static ObjectNode objectSchema(Class<?> record, String idField, Map<String, ObjectNode> defs) {
        ObjectNode schema = DyadJson.mapper().createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = DyadJson.mapper().createArrayNode();
        for (RecordComponent c : record.getRecordComponents()) {
            ObjectNode property = schemaOf(c.getGenericType(), defs);
            constrain(property, c.getAccessor());
            if (c.getName().equals(idField)) {
                String of = idField.equals("aggregateId") ? "deal, agreement or statement"
                        : EventSchemas.eventType(record).aggregate();
                property.put("minLength", 1).put("description",
                        "The id of the " + of + " the event belongs to: the record key and `ce_subject`.");
            }
            if (c.isAnnotationPresent(ActorCode.class)) {
                property.put("description", c.getType() == String.class ? ACTOR_CODE : ACTOR_CODES);
            }
            properties.set(c.getName(), property);
            if (c.getType().isPrimitive() || c.getName().equals(idField)
                    || (idField != null && c.getName().equals("provenance"))) {
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema.put("additionalProperties", true);
    }

    private static ObjectNode schemaOf(Type type, Map<String, ObjectNode> defs) {
        ObjectNode schema = DyadJson.mapper().createObjectNode();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return schema.put("type", "array").set("items", schemaOf(p.getActualTypeArguments()[0], defs));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return schema.put("type", "object");
            }
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type + "; extend EventSchemaGenerator");
        }
        if (c == String.class) {
            return schema.put("type", "string");
        } else if (c == boolean.class || c == Boolean.class) {
            return schema.put("type", "boolean");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return schema.put("type", "integer");
        } else if (c == BigDecimal.class || c == double.class || c == Double.class) {
            return schema.put("type", "number");
        } else if (c == Instant.class || c == OffsetDateTime.class) {
            return schema.put("type", "string").put("format", "date-time");
        } else if (c == LocalDate.class) {
            return schema.put("type", "string").put("format", "date");
        } else if (c == Object.class) {
            return schema;
        } else if (c.isEnum() || c.isRecord()) {
            return schema.put("$ref", "#/$defs/" + define(c, defs));
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + c.getName()
                + "; extend EventSchemaGenerator");
    }

    /** Adds the definition of an enum or record to {@code defs} (once) and answers its name there. */
    private static String define(Class<?> c, Map<String, ObjectNode> defs) {
        String name = c.getSimpleName();
        if (defs.containsKey(name)) {
            return name;
        }
        Described described = c.getAnnotation(Described.class);
        ObjectNode def = DyadJson.mapper().createObjectNode()
                .put("description", required(described == null ? null : described.value(), c));
        defs.put(name, def); // before its components, so that a record referring to itself would end
        if (PATTERNED_STRINGS.containsKey(c)) {
            def.put("type", "string").put("pattern", PATTERNED_STRINGS.get(c));
            def.putArray("examples").add(EXAMPLES.get(c));
        } else if (c.isEnum()) {
            var values = def.put("type", "string").putArray("enum");
            Arrays.stream(c.getEnumConstants()).forEach(e -> values.add(((Enum<?>) e).name()));
        } else {
            def.setAll(objectSchema(c, null, defs));
        }
        return name;
    }

    private static String required(String description, Class<?> type) {
        if (description == null || description.isBlank()) {
            throw new IllegalStateException("describe " + type.getName()
                    + ": an event in @EventType(description = ...), a value type with @Described");
        }
        return description;
    }

    /** Bean Validation constraints of a record component as JSON Schema keywords. */
    private static void constrain(ObjectNode property, AnnotatedElement accessor) {
        boolean array = "array".equals(property.path("type").asText());
        Pattern pattern = accessor.getAnnotation(Pattern.class);
        if (pattern != null) {
            String regexp = pattern.regexp();
            property.put("pattern", "^" + (regexp.contains("|") ? "(?:" + regexp + ")" : regexp) + "$");
        }
        Size size = accessor.getAnnotation(Size.class);
        if (size != null && size.min() > 0) {
            property.put(array ? "minItems" : "minLength", size.min());
        }
        if (size != null && size.max() < Integer.MAX_VALUE) {
            property.put(array ? "maxItems" : "maxLength", size.max());
        }
        Min min = accessor.getAnnotation(Min.class);
        if (min != null) {
            property.put("minimum", min.value());
        }
        Max max = accessor.getAnnotation(Max.class);
        if (max != null) {
            property.put("maximum", max.value());
        }
        DecimalMin decimalMin = accessor.getAnnotation(DecimalMin.class);
        if (decimalMin != null) {
            property.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(decimalMin.value()));
        }
    }
}
