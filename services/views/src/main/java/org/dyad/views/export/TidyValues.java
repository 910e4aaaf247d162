package org.dyad.views.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Turns the values rows are made of into the forms the formats write. */
final class TidyValues {

    private TidyValues() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    static long integer(Object value) {
        return ((Number) value).longValue();
    }

    static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : new BigDecimal(value.toString());
    }

    static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : LocalDate.parse(value.toString());
    }

    static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : Instant.parse(value.toString());
    }
}
