package org.dyad.contracts.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@link Estimate} gives either {@code amount}, or {@code low} and {@code high} with low ≤ high. A violation names
 * the field the user has to change ({@code amount}, {@code low} or {@code high}), not a derived property.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Constraint(validatedBy = AmountOrRange.Check.class)
public @interface AmountOrRange {

    String message() default "give either amount, or low and high with low <= high";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the rule and reports it on the field at fault. */
    class Check implements ConstraintValidator<AmountOrRange, Estimate> {

        @Override
        public boolean isValid(Estimate estimate, ConstraintValidatorContext context) {
            if (estimate == null) {
                return true;
            }
            String field;
            String message;
            if (estimate.amount() != null) {
                if (estimate.low() == null && estimate.high() == null) {
                    return true;
                }
                field = estimate.low() != null ? "low" : "high";
                message = "give either amount or a range (low and high), not both";
            } else if (estimate.low() == null || estimate.high() == null) {
                field = estimate.low() == null && estimate.high() == null ? "amount"
                        : estimate.low() == null ? "low" : "high";
                message = field.equals("amount") ? "give an amount, or low and high"
                        : "a range needs both low and high";
            } else if (estimate.low().compareTo(estimate.high()) > 0) {
                field = "low";
                message = "must not be above high (" + estimate.high().toPlainString() + ")";
            } else {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
