package org.dyad.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Why a field of a proposal has its value.
 *
 * @param spans        the characters of the text that support it
 * @param quote        the words of those spans, as written (plain text, never markup)
 * @param confidence   0..1: how sure the rule that found it is; below 0.5 the analyst should check it
 * @param rule         the rule that produced the value, for the analyst and for measuring
 * @param alternatives for actors and designations, the other values considered, best first
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldEvidence(List<Span> spans, String quote, double confidence, String rule,
                            List<Alternative> alternatives) {

    public FieldEvidence {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
        spans = spans == null ? List.of() : List.copyOf(spans);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
