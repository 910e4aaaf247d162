package org.dyad.intake;

/** The input cannot be drafted; {@code field} names the input at fault and the message says why. */
public class InvalidTextException extends IllegalArgumentException {

    private final String field;

    public InvalidTextException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
