package org.dyad.intake;

import java.util.List;

/**
 * Something found in the text: its characters, its value as the body will carry it, how sure the rule is and what
 * else was considered.
 */
record Mention<T>(int start, int end, T value, double confidence, String rule, List<Alternative> alternatives) {

    Mention(int start, int end, T value, double confidence, String rule) {
        this(start, end, value, confidence, rule, List.of());
    }

    Span span() {
        return new Span(start, end);
    }

    FieldEvidence evidence(String text) {
        return new FieldEvidence(List.of(span()), text.substring(start, end), confidence, rule, alternatives);
    }
}
