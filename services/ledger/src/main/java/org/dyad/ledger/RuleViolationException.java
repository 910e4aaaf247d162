package org.dyad.ledger;

/**
 * A command that is well-formed but breaks a rule of the domain (a party listed twice, a deal with itself).
 * Nothing is written; the API answers 422 naming the field.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final String reason;

    public RuleViolationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new RuleViolationException(field, reason);
        }
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
