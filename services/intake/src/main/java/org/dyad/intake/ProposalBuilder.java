package org.dyad.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one proposal's body field by field, each with its evidence. */
final class ProposalBuilder {

    private static final int MAX_QUOTE = 1000;
    private final String text;
    private final String command;
    private String endpoint;
    private final ObjectNode body = JsonNodeFactory.instance.objectNode();
    private final Map<String, FieldEvidence> evidence = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    ProposalBuilder(String text, String command, String endpoint) {
        this.text = text;
        this.command = command;
        this.endpoint = endpoint;
    }

    /** Sets the value at a JSON pointer ({@code /estimate/amount}, {@code /items/0/quantity}), creating parents. */
    ProposalBuilder set(String pointer, Object value, FieldEvidence why) {
        if (value == null) {
            return this;
        }
        String[] parts = pointer.substring(1).split("/");
        JsonNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = child(node, parts[i]);
            if (child == null || child.isNull()) {
                child = parts[i + 1].matches("\\d+") ? JsonNodeFactory.instance.arrayNode()
                        : JsonNodeFactory.instance.objectNode();
                put(node, parts[i], child);
            }
            node = child;
        }
        put(node, parts[parts.length - 1], json(value));
        if (why != null) {
            evidence.put(pointer, why);
        }
        return this;
    }

    ProposalBuilder set(String pointer, Object value, Mention<?> mention) {
        if (mention == null || value == null) {
            return this;
        }
        return set(pointer, value, mention.evidence(text));
    }

    ProposalBuilder dropNotes(String prefix) {
        notes.removeIf(n -> n.startsWith(prefix));
        return this;
    }

    ProposalBuilder note(String note) {
        notes.add(note);
        return this;
    }

    /** The source of the text, with {@code quoteSpan}'s words as the quote. */
    ProposalBuilder source(TextSource source, Span quoteSpan, String defaultPublisher) {
        ObjectNode node = body.putObject("source");
        String publisher = source.publisher() != null ? source.publisher() : defaultPublisher;
        if (publisher != null) {
            node.put("publisher", publisher);
        }
        if (source.title() != null) {
            node.put("title", source.title());
        }
        if (source.url() != null) {
            node.put("url", source.url());
        }
        if (source.publishedOn() != null) {
            node.put("publishedOn", source.publishedOn().toString());
        }
        String quote = quoteSpan.of(text).strip().replaceAll("\\s+", " ");
        if (quote.length() > MAX_QUOTE) {
            quote = quote.substring(0, MAX_QUOTE - 1) + "…";
        }
        node.put("quote", quote);
        if (source.language() != null) {
            node.put("language", source.language());
        }
        if (publisher == null || source.title() == null) {
            note("give the source's " + (publisher == null && source.title() == null ? "publisher and title"
                    : publisher == null ? "publisher" : "title") + ": every recorded fact needs them");
        }
        evidence.put("/source/quote", new FieldEvidence(List.of(quoteSpan), quoteSpan.of(text), 0.9,
                "the words that support the proposal", List.of()));
        return this;
    }

    /** Points the proposal at another record, once the text has named it. */
    ProposalBuilder endpoint(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    String endpoint() {
        return endpoint;
    }

    String command() {
        return command;
    }

    ObjectNode body() {
        return body;
    }

    Proposal build(String id) {
        return new Proposal(id, command, endpoint, body, evidence, notes);
    }

    private static JsonNode child(JsonNode node, String key) {
        return node.isArray() ? node.get(Integer.parseInt(key)) : node.get(key);
    }

    private static void put(JsonNode node, String key, JsonNode value) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            int index = Integer.parseInt(key);
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) node).set(key, value);
        }
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = f.arrayNode();
            list.forEach(item -> array.add(json(item)));
            return array;
        }
        throw new IllegalArgumentException("cannot put " + value.getClass() + " in a body");
    }
}
