package org.dyad.intake;

/** Characters {@code [start, end)} of the drafted text. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a span needs 0 <= start <= end, not [" + start + ", " + end + ")");
        }
    }

    /** The words of the span. */
    public String of(String text) {
        return text.substring(start, end);
    }
}
