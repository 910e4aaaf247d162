package org.dyad.sipri;

import org.dyad.contracts.register.RegisterRow;

import java.math.BigDecimal;
import java.util.List;

/**
 * One data row of a SIPRI trade register, as SIPRI wrote it: text fields trimmed ({@code null} when empty), numbers
 * {@code null} when empty, TIVs in millions without trailing zeros.
 *
 * @param line                   1-based line number in the file of the row's first line
 * @param deliveryYearsUncertain SIPRI's export has no flag column for the delivery years; set only when the years
 *                               cell itself carries a {@code ?}, as {@link SipriTradeRegisterWriter} writes it
 * @param written                the row's cells as the file wrote them (unquoted, not trimmed), so that the row can
 *                               be kept and compared with other releases' rows as written; {@code null} for a row
 *                               not read from a file
 */
public record SipriRow(int line, String recipient, String supplier, Integer orderYear, boolean orderYearUncertain,
                       Integer numberOrdered, boolean numberOrderedUncertain, String designation, String description,
                       Integer numberDelivered, boolean numberDeliveredUncertain, List<Integer> deliveryYears,
                       boolean deliveryYearsUncertain, String status, String comments, BigDecimal tivPerUnit,
                       BigDecimal tivTotalOrder, BigDecimal tivDelivered, RegisterRow written) {

    public SipriRow {
        deliveryYears = deliveryYears == null ? List.of() : List.copyOf(deliveryYears);
    }

    /** A row not read from a file, so without its cells as written. */
    public SipriRow(int line, String recipient, String supplier, Integer orderYear, boolean orderYearUncertain,
                    Integer numberOrdered, boolean numberOrderedUncertain, String designation, String description,
                    Integer numberDelivered, boolean numberDeliveredUncertain, List<Integer> deliveryYears,
                    boolean deliveryYearsUncertain, String status, String comments, BigDecimal tivPerUnit,
                    BigDecimal tivTotalOrder, BigDecimal tivDelivered) {
        this(line, recipient, supplier, orderYear, orderYearUncertain, numberOrdered, numberOrderedUncertain,
                designation, description, numberDelivered, numberDeliveredUncertain, deliveryYears,
                deliveryYearsUncertain, status, comments, tivPerUnit, tivTotalOrder, tivDelivered, null);
    }
}
