package org.dyad.contracts.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A currency an estimate may be in: an ISO 4217 code, current or historic (DEM, FRF, SUR …), or {@code TIV} for
 * SIPRI's trend-indicator values. ISO's X.. codes for gold, funds and testing are not currencies a deal is priced in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = CurrencyCode.Check.class)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code such as USD, EUR or DEM, or TIV for SIPRI's "
            + "trend-indicator values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** SIPRI's unit for the military capability transferred, not money. */
    String TIV = "TIV";

    /** ISO 4217 codes of currencies that no longer exist and that Java does not list. */
    Set<String> HISTORIC = Set.of("SUR", "CSK", "DDM", "YUD", "YUN", "ZRN", "ZRZ");

    /** Every ISO 4217 code Dyad accepts for money: Java's list and {@link #HISTORIC}, without the X.. codes. */
    Set<String> ISO_4217 = Stream.concat(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode),
                    HISTORIC.stream())
            .filter(code -> !code.startsWith("X"))
            .collect(Collectors.toUnmodifiableSet());

    /** Checks a code; {@code null} is left to {@code @NotNull}. */
    class Check implements ConstraintValidator<CurrencyCode, String> {

        /** Whether {@code code} is a currency of {@link #ISO_4217} or {@link #TIV}. */
        public static boolean accepts(String code) {
            return TIV.equals(code) || ISO_4217.contains(code);
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || accepts(code);
        }
    }
}
