package org.dyad.sipri;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import static org.dyad.sipri.SipriLayout.*;

/**
 * Writes rows in SIPRI's trade-register layout, so that tools made for SIPRI's export read them: the same header line,
 * {@code ?} flags in the blank-named columns, delivery years joined with "; ". Fields are quoted only when they must
 * be (a comma, a quote or a line break), which {@link SipriTradeRegisterReader} understands. A text cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is written with a
 * leading {@code '}, which spreadsheets show as text and the reader removes again.
 */
public final class SipriTradeRegisterWriter {

    private static final String LINE_END = "\n";
    /** Characters with which a spreadsheet starts a formula. */
    static final String FORMULA_START = "=+-@\t\r";
    static final char NEUTRALISED = '\'';
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator(LINE_END).get();
    private static final List<String> PREAMBLE = List.of(
            "Transfers of major conventional arms in the layout of the SIPRI Arms Transfers Database trade register; "
                    + "written by Dyad.",
            "A '?' in a column indicates uncertain data. A '?' after the Year(s) of delivery marks the years as "
                    + "uncertain.",
            "SIPRI trend-indicator values (TIVs) are in millions.",
            "");

    private SipriTradeRegisterWriter() {
    }

    /** Writes the preamble, the header and the rows; the writer is flushed, not closed. */
    public static void write(List<SipriRow> rows, Writer out) throws IOException {
        for (String line : PREAMBLE) {
            out.write(line);
            out.write(LINE_END);
        }
        out.write(HEADER);
        out.write(LINE_END);
        for (SipriRow row : rows) {
            FORMAT.printRecord(out, text(row.recipient()), text(row.supplier()), row.orderYear(),
                    flag(row.orderYearUncertain()), row.numberOrdered(), flag(row.numberOrderedUncertain()),
                    text(row.designation()), text(row.description()), row.numberDelivered(),
                    flag(row.numberDeliveredUncertain()), years(row), text(row.status()), text(row.comments()),
                    number(row.tivPerUnit()), number(row.tivTotalOrder()),
                    number(row.tivDelivered()));
        }
        out.flush();
    }

    /** Text that cannot start a formula in a spreadsheet (CSV injection). */
    static String text(String value) {
        return value != null && !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0
                ? NEUTRALISED + value : value;
    }

    private static String flag(boolean uncertain) {
        return uncertain ? UNCERTAIN : "";
    }

    private static String years(SipriRow row) {
        String years = row.deliveryYears().stream().map(String::valueOf).collect(Collectors.joining(YEAR_SEPARATOR));
        return row.deliveryYearsUncertain() ? years + UNCERTAIN : years;
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
