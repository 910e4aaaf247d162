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
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * JSON Schemas (draft 2020-12) of the published events, generated from the event records so that they cannot drift
 * from what {@link DyadJson} writes. The generated files are committed under {@value #RESOURCE_DIR} and shipped in
 * this jar; {@link EventSchemaWriter} rewrites them, and {@code EventSchemasTest} fails when they are out of date.
 * The schema of an earlier version stays committed, unchanged, when its record moves on to a new version.
 * <p>
 * Mapping: strings, numbers, booleans, enums (as their names), {@link Instant} (date-time string), lists (arrays),
 * maps (objects); {@link PartialDate} and {@link AdmiraltyGrade} are patterned strings; other records are objects in
 * {@code $defs}. Bean Validation constraints on components become {@code pattern}, {@code minimum}/{@code maximum}
 * and length or item limits. Required are the aggregate id, {@code provenance} and primitive components (which
 * Jackson always writes); everything else is optional, and every object allows further properties so that fields
 * can be added within a version.
 */
public final class EventSchemas {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID_BASE = "https://dyad.example/schemas/events/";
    /** Where the schemas are on the classpath and under {@code src/main/resources}. */
    public static final String RESOURCE_DIR = "org/dyad/contracts/schemas/";

    static final String PARTIAL_DATE_PATTERN =
            "^~?[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
    static final String GRADE_PATTERN = "^[A-F][1-6]$";
    private static final java.util.regex.Pattern TYPE =
            java.util.regex.Pattern.compile("org\\.dyad\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    /**
     * What each event means and what each shared type is, by event name or simple class name (the gist of their
     * Javadoc, which is not there at runtime). Generation fails for an event or type without one.
     */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("AgreementSigned", "Two or more parties signed an agreement on `signedOn`; `concerning` are "
                    + "third actors it is about."),
            Map.entry("SignatureRecorded", "A further party signed the agreement on `on`."),
            Map.entry("ConsentToBeBoundRecorded", "A party consented to be bound by the agreement on `on`, by "
                    + "`means`."),
            Map.entry("AgreementEnteredIntoForce", "The agreement entered into force on `on` for `parties`."),
            Map.entry("ParticipationSuspended", "A party suspended its participation in the agreement on `on`."),
            Map.entry("ParticipationResumed", "A party resumed its participation in the agreement on `on`."),
            Map.entry("WithdrawalNotified", "A party gave notice of withdrawal on `noticeOn`; it is withdrawn from "
                    + "`effectiveOn`."),
            Map.entry("AgreementRenounced", "A party renounced the agreement on `on`."),
            Map.entry("AgreementExtended", "The agreement was extended on `on` until `expiresOn`."),
            Map.entry("AgreementExpired", "The agreement expired on `on`."),
            Map.entry("AgreementTerminated", "The agreement was terminated for all parties on `on`."),
            Map.entry("AgreementDisclosed", "The secret agreement became public on `on`."),
            Map.entry("SaleReported", "A source reported an arms transfer from `supplier` to `recipient`; "
                    + "`estimates` are the values it claimed (none, one or several)."),
            Map.entry("NegotiationOpened", "Supplier and recipient entered negotiations on `on`."),
            Map.entry("ContractConcluded", "The deal was contracted (ordered) on `on`; `items`, when given, replace "
                    + "the reported ones."),
            Map.entry("DeliveryRecorded", "A tranche of the deal's items was delivered."),
            Map.entry("DeliveryCompleted", "Everything ordered was delivered by `on`."),
            Map.entry("DealSuspended", "The deal was suspended on `on` for `reason`."),
            Map.entry("DealResumed", "The suspended deal was resumed on `on`."),
            Map.entry("DealCancelled", "The deal was cancelled on `on` for `reason`."),
            Map.entry("DealRevived", "The cancelled deal was revived on `on` at `stage`."),
            Map.entry("DealSuperseded", "The deal was superseded on `on` by the deal `supersededBy`."),
            Map.entry("EstimateRecorded", "A source claimed a value for the deal on `estimatedOn`."),
            Map.entry("StatementRecorded", "An actor made an official statement on `madeOn`; `condition` is set "
                    + "when it is conditional."),
            Map.entry("RecordCorrected", "Fields of an earlier event (`correctedEventId`) were corrected; readers "
                    + "apply `changes` to it. The original stays in history."),
            Map.entry("RecordRetracted", "An earlier claim (`retractedEventId`) was withdrawn; readers stop "
                    + "counting it and history keeps it."),
            Map.entry("PartialDate", "A valid-time date known to the year, the month or the day: `YYYY`, `YYYY-MM` "
                    + "or `YYYY-MM-DD`; a leading `~` marks an approximate date."),
            Map.entry("AdmiraltyGrade", "The Admiralty (NATO) grade of a report: the source's reliability, A "
                    + "(completely reliable) to F (cannot be judged), then the information's credibility, 1 "
                    + "(confirmed) to 6 (cannot be judged)."),
            Map.entry("Source", "Where a recorded fact comes from: publisher, title, URL, publication date, a short "
                    + "supporting quote and the ISO 639-1 language."),
            Map.entry("Provenance", "Where the event's fact comes from (`source` and `grade`, as the analyst gave "
                    + "them) and when and by whom Dyad recorded it (`recordedAt`, `recordedBy`)."),
            Map.entry("Estimate", "A value claimed by a source: either `amount`, or `low` and `high`, in `currency` "
                    + "(ISO 4217, historic codes such as DEM accepted; `TIV` for SIPRI trend-indicator values)."),
            Map.entry("EstimateQualifier", "How the source qualifies the value: exactly, about, up to, could "
                    + "reach, at least."),
            Map.entry("ValueBasis", "What the value measures: money of its own year, money of a fixed `priceYear`, "
                    + "or SIPRI's trend-indicator value."),
            Map.entry("DealItem", "What is transferred: the designation as the source names it, what it is, "
                    + "categories, how many (`unit` when not whole systems) and in what condition."),
            Map.entry("DealTerms", "How the transfer is made, as SIPRI notes it: produced under licence in the "
                    + "recipient country, leased rather than sold, or given as aid."),
            Map.entry("DealStage", "How far an arms transfer has come, from a first report to full delivery."),
            Map.entry("WeaponCategory", "SIPRI's weapon category."),
            Map.entry("UnRegisterCategory", "The category of the UN Register of Conventional Arms, or small arms "
                    + "and light weapons."),
            Map.entry("ItemCondition", "The condition of transferred items, in SIPRI's terms."),
            Map.entry("Tranche", "One delivery of some of a deal's items on `deliveredOn`; `spreadOver` lists the "
                    + "dates (usually years) a total was delivered over when the source does not split it."),
            Map.entry("TrancheItem", "How many of one designation a tranche delivered."),
            Map.entry("AgreementKind", "The instrument's form, as the UN Treaty Collection distinguishes them."),
            Map.entry("AgreementSubject", "What an agreement is about."),
            Map.entry("ConsentMeans", "How a party consented to be bound, in the UN Treaty Collection's terms."),
            Map.entry("Lineage", "This agreement extends, amends or supersedes the agreement `agreementId`."),
            Map.entry("LineageRelation", "How an agreement relates to an earlier one."),
            Map.entry("StatementKind", "What an official statement does."));

    private static final Map<Class<?>, String> PATTERNED_STRINGS = Map.of(
            PartialDate.class, PARTIAL_DATE_PATTERN, AdmiraltyGrade.class, GRADE_PATTERN);
    private static final Map<Class<?>, String> EXAMPLES = Map.of(
            PartialDate.class, "2001-03-12", AdmiraltyGrade.class, "B2");

    private static final ObjectWriter PRETTY = DyadJson.mapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

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

    /** Every event schema as it should be committed: resource path to pretty-printed text. */
    public static Map<String, String> generateAll() {
        Map<String, String> files = new TreeMap<>();
        EventCatalog.EVENTS.forEach(c -> files.put(resource(c), text(generate(c))));
        return files;
    }

    /** The JSON Schema of one published event class. */
    public static ObjectNode generate(Class<?> eventClass) {
        ObjectNode schema = DyadJson.mapper().createObjectNode()
                .put("$schema", DIALECT)
                .put("$id", ID_BASE + path(eventClass))
                .put("title", EventCatalog.typeOf(eventClass))
                .put("description", describe(eventType(eventClass).name()));
        Map<String, ObjectNode> defs = new TreeMap<>();
        schema.setAll(objectSchema(eventClass, idField(eventClass), defs));
        if (!defs.isEmpty()) {
            schema.putObject("$defs").setAll(defs);
        }
        return schema;
    }

    /** Pretty-printed with two-space indents and a trailing newline, as committed. */
    public static String text(ObjectNode schema) {
        try {
            return PRETTY.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The component holding the aggregate id: {@code dealId} for a deal event, else {@code aggregateId}. */
    static String idField(Class<?> eventClass) {
        String own = eventType(eventClass).aggregate() + "Id";
        return Arrays.stream(eventClass.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> n.equals(own) || n.equals("aggregateId")).findFirst()
                .orElseThrow(() -> new IllegalStateException(eventClass.getSimpleName() + " has no " + own));
    }

    private static EventType eventType(Class<?> eventClass) {
        EventType t = eventClass.getAnnotation(EventType.class);
        if (t == null || !eventClass.isRecord()) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published Dyad event record");
        }
        return t;
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
                        : eventType(record).aggregate();
                property.put("minLength", 1).put("description",
                        "The id of the " + of + " the event belongs to: the record key and `ce_subject`.");
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
            throw new IllegalArgumentException("no JSON Schema mapping for " + type + "; extend EventSchemas");
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
        throw new IllegalArgumentException("no JSON Schema mapping for " + c.getName() + "; extend EventSchemas");
    }

    /** Adds the definition of an enum or record to {@code defs} (once) and answers its name there. */
    private static String define(Class<?> c, Map<String, ObjectNode> defs) {
        String name = c.getSimpleName();
        if (defs.containsKey(name)) {
            return name;
        }
        ObjectNode def = DyadJson.mapper().createObjectNode().put("description", describe(name));
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

    private static String describe(String name) {
        String description = DESCRIPTIONS.get(name);
        if (description == null) {
            throw new IllegalStateException("describe " + name + " in EventSchemas.DESCRIPTIONS");
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
