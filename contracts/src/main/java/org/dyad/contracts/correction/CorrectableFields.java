package org.dyad.contracts.correction;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.EventType;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of an event a correction may change, and how a correction is applied. Descriptive fields (dates,
 * items, values, wording) are correctable; what decides a record's identity or lifecycle (ids, the pair of a deal,
 * the parties, stages) is not: a report that got those wrong is retracted and recorded anew.
 */
public final class CorrectableFields {

    private static final Set<String> FIXED = Set.of("dealId", "agreementId", "statementId", "aggregateId",
            "provenance", "supplier", "recipient", "stage", "parties", "party", "supersededBy", "speaker", "secret",
            "lineage", "imposedBy", "targets", "correctedEventId", "correctedEventType", "retractedEventId", "retractedEventType", "changes");

    /** The longest text any command accepts (a statement's summary, a source's URL). */
    public static final int MAX_TEXT = 2000;
    /** The longest list any command accepts (an agreement's parties). */
    public static final int MAX_LIST = 200;

    private CorrectableFields() {
    }

    /** The correctable fields of an event type with their types. Corrections and retractions have none. */
    public static Map<String, JavaType> of(Class<?> eventType) {
        Map<String, JavaType> fields = new LinkedHashMap<>();
        if (!eventType.isRecord() || !DyadEvent.class.isAssignableFrom(eventType)
                || eventType == RecordCorrected.class || eventType == RecordRetracted.class) {
            return fields;
        }
        for (RecordComponent c : eventType.getRecordComponents()) {
            // the id of the record itself; the same name on another record's event is a correctable reference
            EventType type = eventType.getAnnotation(EventType.class);
            boolean ownId = type != null && c.getName().equals(type.aggregate() + "Id");
            if (!FIXED.contains(c.getName()) && !ownId) {
                fields.put(c.getName(), DyadJson.mapper().constructType(c.getGenericType()));
            }
        }
        return fields;
    }

    /** What is wrong with the given changes to an event of the given type, as "field: reason"; empty if nothing. */
    public static List<String> problems(Class<?> eventType, Map<String, Object> changes) {
        List<String> problems = new ArrayList<>();
        Map<String, JavaType> fields = of(eventType);
        if (fields.isEmpty()) {
            problems.add("eventId: a " + eventType.getSimpleName() + " cannot be corrected");
            return problems;
        }
        if (changes == null || changes.isEmpty()) {
            problems.add("changes: name at least one field to correct");
            return problems;
        }
        changes.forEach((field, value) -> {
            JavaType type = fields.get(field);
            if (type == null) {
                problems.add("changes." + field + ": not a correctable field of " + eventType.getSimpleName()
                        + " (correctable: " + String.join(", ", fields.keySet()) + ")");
            } else if (value != null) {
                String oversized = oversized(value);
                if (oversized != null) {
                    problems.add("changes." + field + ": " + oversized);
                    return;
                }
                try {
                    DyadJson.mapper().convertValue(value, type);
                } catch (IllegalArgumentException e) {
                    problems.add("changes." + field + ": " + rootMessage(e));
                }
            }
        });
        return problems;
    }

    /** The new values as the event's field types (records, lists, dates), e.g. to validate them further. */
    public static Map<String, Object> typed(Class<?> eventType, Map<String, Object> changes) {
        Map<String, JavaType> fields = of(eventType);
        Map<String, Object> typed = new LinkedHashMap<>();
        changes.forEach((field, value) -> typed.put(field, value == null ? null
                : DyadJson.mapper().convertValue(value, fields.get(field))));
        return typed;
    }

    /** Why a new value (as JSON read it: maps, lists, strings) is larger than any command accepts, or null. */
    private static String oversized(Object value) {
        if (value instanceof String text && text.length() > MAX_TEXT) {
            return "a text of " + text.length() + " characters; at most " + MAX_TEXT + " are accepted";
        }
        if (value instanceof java.util.Collection<?> list) {
            if (list.size() > MAX_LIST) {
                return "a list of " + list.size() + " elements; at most " + MAX_LIST + " are accepted";
            }
            return list.stream().map(CorrectableFields::oversized).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().map(CorrectableFields::oversized).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
        }
        return null;
    }

    /** The event as corrected: the same event with the changed fields replaced. */
    public static <T> T apply(T event, Map<String, Object> changes) {
        ObjectNode tree = DyadJson.mapper().valueToTree(event);
        changes.forEach((field, value) -> tree.set(field, DyadJson.mapper().valueToTree(value)));
        try {
            @SuppressWarnings("unchecked")
            T corrected = (T) DyadJson.mapper().treeToValue(tree, event.getClass());
            return corrected;
        } catch (Exception e) {
            throw new IllegalArgumentException("correction does not fit " + event.getClass().getSimpleName()
                    + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        int detail = message == null ? -1 : message.indexOf(" at [Source");
        return detail > 0 ? message.substring(0, detail).trim() : message;
    }
}
