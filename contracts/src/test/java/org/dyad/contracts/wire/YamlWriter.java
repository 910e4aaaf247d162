package org.dyad.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** A small YAML writer for JSON trees: block style, flow style for lists of scalars, quotes where needed. */
final class YamlWriter {

    private YamlWriter() {
    }

    static String toYaml(JsonNode node) {
        StringBuilder out = new StringBuilder();
        block(out, node, 0);
        return out.toString();
    }

    private static void block(StringBuilder out, JsonNode node, int indent) {
        String pad = " ".repeat(indent);
        if (node.isObject()) {
            node.properties().forEach(e -> {
                out.append(pad).append(e.getKey().matches("[A-Za-z0-9_.$-]+") ? e.getKey() : quote(e.getKey()))
                        .append(':');
                value(out, e.getValue(), indent);
            });
            return;
        }
        for (JsonNode item : node) {
            if (item.isContainerNode() && !item.isEmpty()) {
                StringBuilder inner = new StringBuilder();
                block(inner, item, indent + 2);
                out.append(pad).append("- ").append(inner, indent + 2, inner.length());
            } else {
                out.append(pad).append('-');
                value(out, item, indent);
            }
        }
    }

    private static void value(StringBuilder out, JsonNode value, int indent) {
        boolean scalars = value.isArray() && value.valueStream().noneMatch(JsonNode::isContainerNode);
        if (value.isContainerNode() && !value.isEmpty() && !scalars) {
            out.append('\n');
            block(out, value, indent + 2);
        } else if (value.isArray()) {
            out.append(" [").append(String.join(", ", value.valueStream().map(v -> scalar(v, true)).toList()))
                    .append("]\n");
        } else if (value.isObject()) {
            out.append(" {}\n");
        } else if (value.isTextual() && value.asText().contains("\n")) {
            out.append(" |-\n");
            value.asText().lines().forEach(line ->
                    out.append(line.isEmpty() ? "" : " ".repeat(indent + 2) + line).append('\n'));
        } else {
            out.append(' ').append(scalar(value, false)).append('\n');
        }
    }

    /** A scalar, quoted unless it is plainly a string (in a flow list, without commas). */
    private static String scalar(JsonNode value, boolean inFlow) {
        String text = value.asText();
        if (!value.isTextual()) {
            return text;
        }
        boolean plain = text.matches(inFlow ? "[A-Za-z_][A-Za-z0-9_ ./-]*" : "[A-Za-z_][A-Za-z0-9_ .,;:'/()`<>-]*")
                && !text.contains(": ") && !text.endsWith(":") && !text.endsWith(" ")
                && !text.matches("(?i)y|n|yes|no|on|off|true|false|null");
        return plain ? text : quote(text);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
