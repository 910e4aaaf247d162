package org.dyad.sipri;

import org.apache.commons.csv.CSVFormat;
import org.dyad.contracts.register.RegisterRow;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.dyad.sipri.SipriLayout.*;

/**
 * Writes rows in SIPRI's trade-register layout, so that tools made for SIPRI's export read them: the same header line,
 * {@code ?} flags in the blank-named columns, delivery years joined with "; ". Fields are quoted only when they must
 * be (a comma, a quote or a line break), which {@link SipriTradeRegisterReader} understands. A text cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is written with a
 * leading {@code '}, which spreadsheets show as text and the reader removes again.
 * <p>
 * Rows of a release as SIPRI wrote them ({@link RegisterRow}) are written cell by cell as they came in: no cell is
 * trimmed, respelled or recomputed, and a cell is quoted only when CSV needs it (a comma, a quote, a line break), as
 * SIPRI's own export does; the formula guard above is the one addition.
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

    /** The date in SIPRI's "Data generated" line, which the reader takes as the release's date. */
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    /** Writes the preamble, the header and the rows; the writer is flushed, not closed. */
    public static void write(List<SipriRow> rows, Writer out) throws IOException {
        writePreamble(out, null);
        for (SipriRow row : rows) {
            writeRow(out, row);
        }
        out.flush();
    }

    /**
     * Writes the preamble and the header line. With {@code generatedOn}, the preamble says so in SIPRI's words
     * ("Data generated: 13 Mar 2025"), so that the file imported again is known as the same release.
     */
    public static void writePreamble(Writer out, LocalDate generatedOn) throws IOException {
        for (String line : PREAMBLE.subList(0, PREAMBLE.size() - 1)) {
            out.write(line);
            out.write(LINE_END);
        }
        if (generatedOn != null) {
            out.write(GENERATED_PREFIX + " " + GENERATED.format(generatedOn));
            out.write(LINE_END);
        }
        out.write(LINE_END);
        out.write(HEADER);
        out.write(LINE_END);
    }

    /** Writes one row of Dyad's reading of a deal in SIPRI's layout. */
    public static void writeRow(Writer out, SipriRow row) throws IOException {
        FORMAT.printRecord(out, text(row.recipient()), text(row.supplier()), row.orderYear(),
                flag(row.orderYearUncertain()), row.numberOrdered(), flag(row.numberOrderedUncertain()),
                text(row.designation()), text(row.description()), row.numberDelivered(),
                flag(row.numberDeliveredUncertain()), years(row), text(row.status()), text(row.comments()),
                number(row.tivPerUnit()), number(row.tivTotalOrder()),
                number(row.tivDelivered()));
    }

    /** Writes one row as its publisher wrote it, every cell as it came in. */
    public static void writeRow(Writer out, RegisterRow row) throws IOException {
        List<String> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(text(cells.get(i))));
        }
        out.write(LINE_END);
    }

    /** A cell quoted only when CSV needs it: SIPRI quotes no other, not even one with leading or trailing spaces. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
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
