package org.dyad.ledger;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.List;

/**
 * The limits a client's command keeps (lengths, ranges), applied to values that reach the ledger another way: a
 * correction's new values, a row of an import.
 */
public final class CommandLimits {

    private CommandLimits() {
    }

    /** What breaks the limits in a value, each as "where.field: why", {@code at} naming the value. */
    public static List<String> violations(Validator validator, String at, Object value) {
        return validator.validate(value).stream()
                .map((ConstraintViolation<Object> v) -> at + "." + v.getPropertyPath() + ": " + v.getMessage())
                .toList();
    }
}
