package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each source named once per answer. In an answer a source (publisher, title, URL, publication date, quote, language)
 * is written once, in the answer's top-level {@value #FIELD} map under its id, and referred to by that id wherever it
 * stood: a provenance's {@code source} becomes its {@code sourceId}, a record's list of {@code sources} becomes its
 * {@code sourceIds}.
 * <p>
 * A source's id is derived from its content ({@link #id(JsonNode)}): the same source has the same id in every answer
 * and in every process, and two sources differing in any field (a different quote of the same article) are two
 * sources.
 * <p>
 * A deal's stored summary is kept in the same shape ({@link #compact(ObjectNode)}), with its own sources under
 * {@value #INDEX}; an answer gathers those ({@link #gather(ObjectNode)}), so that a page of summaries is passed on
 * without writing any source twice.
 */
public final class Sources {

    /** The top-level field of an answer: source id → source. */
    public static final String FIELD = "sources";
    /** Where a compacted document keeps its own sources (source id → source) until an answer gathers them. */
    public static final String INDEX = "sourceIndex";
    /** What a provenance holds instead of its source. */
    public static final String ID = "sourceId";
    /** What a record holds instead of its list of sources. */
    public static final String IDS = "sourceIds";

    private static final String SOURCE = "source";
    private static final int ID_HEX_DIGITS = 16;

    private Sources() {
    }

    /**
     * A source's id: the first 16 hex digits of the SHA-256 of its fields, sorted by name, null fields left out (so
     * that the same source read from an event's JSON or from a folded record has the same id).
     */
    public static String id(JsonNode source) {
        Map<String, String> fields = new TreeMap<>();
        source.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                        : field.getValue().toString());
            }
        });
        StringBuilder canonical = new StringBuilder();
        fields.forEach((name, value) -> canonical.append(name).append('\u0000').append(value).append('\u0001'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ID_HEX_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A document (or any part of one) with its sources named by id, in place, and those sources kept in its own
     * {@value #INDEX}. Answers, not clients, read that field: {@link #gather(ObjectNode)} moves it to the answer's top.
     */
    public static ObjectNode compact(ObjectNode document) {
        ObjectNode index = document.has(INDEX) && document.get(INDEX).isObject() ? (ObjectNode) document.get(INDEX)
                : DyadJson.mapper().createObjectNode();
        document.remove(INDEX);
        replace(document, index);
        document.set(INDEX, index);
        return document;
    }

    /**
     * An answer with every source it holds named once in its top-level {@value #FIELD} map and by id elsewhere, in
     * place: sources written out in its records, and those of compacted documents ({@value #INDEX}).
     */
    public static ObjectNode gather(ObjectNode answer) {
        ObjectNode index = DyadJson.mapper().createObjectNode();
        JsonNode existing = answer.get(FIELD);
        boolean gathered = existing != null && existing.isObject() && isIndex(existing);
        if (gathered) {
            // gathered before (a kept answer's parts are gathered once): keep it, and gather what was added since
            index = (ObjectNode) existing;
            answer.remove(FIELD);
        }
        replace(answer, index);
        answer.set(FIELD, index);
        return answer;
    }

    /** A map of sources by id: every value a source. */
    private static boolean isIndex(JsonNode node) {
        for (JsonNode value : node) {
            if (!isSource(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A document with its sources written out again where their ids stand, its {@value #INDEX} removed: for readers
     * that take a stored summary's sources as they are (exports).
     */
    public static ObjectNode inline(ObjectNode document) {
        JsonNode index = document.remove(INDEX);
        if (index != null && index.isObject()) {
            restore(document, (ObjectNode) index);
        }
        return document;
    }

    private static boolean isSource(JsonNode node) {
        return node != null && node.isObject() && node.has("publisher") && node.has("title");
    }

    private static void replace(JsonNode node, ObjectNode index) {
        if (node.isArray()) {
            node.forEach(item -> replace(item, index));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode kept = object.get(INDEX);
        if (kept != null && kept.isObject()) {
            object.remove(INDEX);
            kept.fields().forEachRemaining(source -> index.putIfAbsent(source.getKey(), source.getValue()));
        }
        JsonNode source = object.get(SOURCE);
        if (isSource(source)) {
            object.remove(SOURCE);
            object.put(ID, named(source, index));
        }
        JsonNode sources = object.get(FIELD);
        if (sources != null && sources.isArray() && !sources.isEmpty() && allSources(sources)) {
            ArrayNode ids = object.arrayNode(sources.size());
            sources.forEach(s -> ids.add(named(s, index)));
            object.remove(FIELD);
            object.set(IDS, ids);
        } else if (sources != null && sources.isArray() && sources.isEmpty()) {
            object.remove(FIELD);
            object.set(IDS, object.arrayNode());
        }
        for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
            JsonNode child = children.next();
            if (child.isContainerNode()) {
                replace(child, index);
            }
        }
    }

    private static boolean allSources(JsonNode sources) {
        for (JsonNode source : sources) {
            if (!isSource(source)) {
                return false;
            }
        }
        return true;
    }

    private static String named(JsonNode source, ObjectNode index) {
        String id = id(source);
        index.putIfAbsent(id, source);
        return id;
    }

    private static void restore(JsonNode node, ObjectNode index) {
        if (node.isArray()) {
            node.forEach(item -> restore(item, index));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode id = object.get(ID);
        if (id != null && id.isTextual() && index.has(id.asText())) {
            object.remove(ID);
            object.set(SOURCE, index.get(id.asText()));
        }
        JsonNode ids = object.get(IDS);
        if (ids != null && ids.isArray()) {
            List<JsonNode> sources = new ArrayList<>();
            ids.forEach(i -> sources.add(index.get(i.asText())));
            if (sources.stream().allMatch(s -> s != null)) {
                object.remove(IDS);
                object.putArray(FIELD).addAll(sources);
            }
        }
        for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
            JsonNode child = children.next();
            if (child.isContainerNode()) {
                restore(child, index);
            }
        }
    }
}
