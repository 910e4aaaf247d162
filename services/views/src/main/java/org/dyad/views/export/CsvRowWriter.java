package org.dyad.views.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a header line. A text cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, as the trade-register export does: the
 * spreadsheet shows the text, and the cell can never run as a command.
 */
final class CsvRowWriter implements TidyRowWriter {

    private static final String FORMULA_START = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final List<TidyColumn> columns;
    private final BufferedWriter text;
    private final CSVPrinter printer;

    CsvRowWriter(List<TidyColumn> columns, OutputStream out) throws IOException {
        this.columns = columns;
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.printer = new CSVPrinter(text, FORMAT);
        printer.printRecord(columns.stream().map(TidyColumn::name).toList());
    }

    @Override
    public void write(Object... values) throws IOException {
        List<String> cells = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            String cell = TidyValues.text(values[i]);
            cells.add(columns.get(i).type() == TidyColumn.Type.TEXT ? guarded(cell) : cell);
        }
        printer.printRecord(cells);
    }

    /** Text that cannot start a formula in a spreadsheet (CSV injection). */
    static String guarded(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        text.flush();
    }
}
