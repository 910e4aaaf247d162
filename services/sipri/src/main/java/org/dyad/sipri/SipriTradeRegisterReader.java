package org.dyad.sipri;

import org.dyad.contracts.register.RegisterRow;
import org.dyad.sipri.DecodedLines.Line;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.dyad.sipri.SipriLayout.*;

/**
 * Reads a SIPRI trade-register CSV export: the preamble of notes (for the export date), the header line, then one row
 * per line. Rows that a line break inside an unquoted field split over several lines are joined again; any other line
 * that is not a row is reported with its line number. Reads as it streams, so the whole register fits.
 */
public final class SipriTradeRegisterReader {

    /** Enough for any broken comment; bounds how far the reader looks ahead for the rest of a row. */
    private static final int MAX_LINES_PER_ROW = 100;
    /** SIPRI's preamble has a dozen lines; a file whose first lines are not a preamble has none. */
    private static final int MAX_PREAMBLE_LINES = 100;
    private static final int MAX_TIV_DIGITS = 12;
    private static final Pattern YEAR_ATTEMPT = Pattern.compile("\\d[0-9A-Za-z]{3}");
    /** C0 controls but tab and line breaks, and DEL: no text of SIPRI's has them. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern
            .compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final DateTimeFormatter EXPORT_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final DecodedLines lines;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private final List<SipriRow> rows = new ArrayList<>();
    private final List<SipriProblem> problems = new ArrayList<>();
    /**
     * Lines left over from a short line that could not be joined into a row: by line number, the line of the row
     * they most likely belong to, so that a problem they cause is reported as that row's fragment.
     */
    private final Map<Integer, Integer> fragmentOf = new HashMap<>();
    /** Rows whose text may have to be decoded again as ISO-8859-1, with the lines they came from. */
    private final List<Undecided> undecided = new ArrayList<>();
    private LocalDate generatedOn;
    private int repairedRows;

    private record Undecided(int index, List<Line> lines) {
    }

    /** A line, or a few joined by a quoted field that goes on over line breaks; fields is null for an open quote. */
    private record Chunk(List<Line> lines, List<String> fields) {

        int number() {
            return lines.get(0).number();
        }
    }

    private SipriTradeRegisterReader(InputStream in) throws IOException {
        lines = new DecodedLines(in);
    }

    /** Reads the whole export; the stream is read to its end but not closed. */
    public static SipriReadResult read(InputStream in) throws IOException {
        SipriTradeRegisterReader reader = new SipriTradeRegisterReader(in);
        if (reader.readPreambleAndHeader()) {
            reader.readRows();
        } else {
            reader.skipToEnd();
        }
        Charset charset = reader.lines.charset();
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            reader.decodeAgain(charset);
        }
        return new SipriReadResult(reader.rows, reader.problems, reader.generatedOn, charset, reader.repairedRows);
    }

    /**
     * The export date of the preamble's "Data generated:" line, read from the lines before the header only (so
     * without reading the whole file); {@code null} when the preamble does not give it.
     */
    public static LocalDate generatedOn(InputStream in) throws IOException {
        DecodedLines preamble = new DecodedLines(in);
        for (Line line = preamble.next(); line != null && line.number() <= MAX_PREAMBLE_LINES; line = preamble.next()) {
            String text = line.text().strip();
            if (text.startsWith(GENERATED_PREFIX)) {
                return exportDate(text.substring(GENERATED_PREFIX.length()));
            }
            if (text.startsWith(COLUMNS.get(RECIPIENT) + ",")) {
                return null;
            }
        }
        return null;
    }

    private boolean readPreambleAndHeader() throws IOException {
        int lastLine = 0;
        for (Line line = lines.next(); line != null; line = lines.next()) {
            lastLine = line.number();
            String text = line.text().strip();
            if (text.startsWith(GENERATED_PREFIX)) {
                generatedOn = exportDate(text.substring(GENERATED_PREFIX.length()));
                continue;
            }
            List<String> fields = fields(text);
            if (fields == null || fields.size() < 2) {
                continue;
            }
            String first = fields.get(0).strip();
            if (first.equalsIgnoreCase(COLUMNS.get(RECIPIENT)) || first.equalsIgnoreCase(COLUMNS.get(SUPPLIER))) {
                if (isHeader(fields)) {
                    return true;
                }
                problems.add(new SipriProblem(line.number(), "the header does not match SIPRI's trade-register layout ("
                        + HEADER + "); nothing after it was read"));
                return false;
            }
        }
        problems.add(new SipriProblem(Math.max(lastLine, 1), "no header line starting '" + COLUMNS.get(RECIPIENT)
                + "," + COLUMNS.get(SUPPLIER) + "' found; nothing was read"));
        return false;
    }

    /** The charset is known only once every byte has been seen. */
    private void skipToEnd() throws IOException {
        Line line = lines.next();
        while (line != null) {
            line = lines.next();
        }
    }

    private static boolean isHeader(List<String> fields) {
        if (fields.size() != WIDTH) {
            return false;
        }
        for (int i = 0; i < WIDTH; i++) {
            if (!fields.get(i).strip().equalsIgnoreCase(COLUMNS.get(i).strip())) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate exportDate(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length < 3) {
            return null;
        }
        try {
            return LocalDate.parse(words[0] + " " + words[1] + " " + words[2], EXPORT_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void readRows() throws IOException {
        for (Chunk chunk = nextChunk(); chunk != null; chunk = nextChunk()) {
            if (startsARow(chunk.fields())) {
                // a line of its own: neither it nor the lines after it are left over from an earlier row
                int start = chunk.number();
                fragmentOf.keySet().removeIf(line -> line >= start);
            }
            if (chunk.fields() == null) {
                problems.add(new SipriProblem(chunk.number(), "a quoted field is not closed within "
                        + MAX_LINES_PER_ROW + " lines"));
            } else if (chunk.fields().size() == WIDTH) {
                add(chunk.lines(), chunk.fields(), false);
            } else if (chunk.fields().size() > WIDTH) {
                problems.add(new SipriProblem(chunk.number(), reason(chunk.number(), "expected " + WIDTH
                        + " fields but found " + chunk.fields().size())));
            } else {
                repair(chunk);
            }
        }
    }

    /** Joins a short line with the lines after it when together they make exactly one row. */
    private void repair(Chunk first) throws IOException {
        List<Chunk> joined = new ArrayList<>();
        joined.add(first);
        List<String> fields = first.fields();
        int lineCount = first.lines().size();
        while (fields.size() < WIDTH && lineCount < MAX_LINES_PER_ROW) {
            Chunk next = nextChunk();
            if (next == null) {
                break;
            }
            joined.add(next);
            lineCount += next.lines().size();
            if (next.fields() == null) {
                break;
            }
            fields = join(fields, next.fields());
        }
        if (fields.size() == WIDTH && joined.get(joined.size() - 1).fields() != null) {
            List<Line> used = new ArrayList<>();
            joined.forEach(chunk -> used.addAll(chunk.lines()));
            add(used, fields, true);
            return;
        }
        problems.add(new SipriProblem(first.number(), reason(first.number(), "expected " + WIDTH
                + " fields but found " + first.fields().size()
                + ", and joining the lines after it does not make a row either")));
        int row = fragmentOf.getOrDefault(first.number(), first.number());
        for (int i = joined.size() - 1; i > 0; i--) {
            List<Line> chunkLines = joined.get(i).lines();
            for (int j = chunkLines.size() - 1; j >= 0; j--) {
                pushedBack.addFirst(chunkLines.get(j));
                fragmentOf.putIfAbsent(chunkLines.get(j).number(), row);
            }
        }
    }

    /**
     * Whether the fields read as a row of their own, however faulty: the full width, and a year of order that is a
     * four-character attempt at a year ({@code 2022}, {@code 20x2}) rather than the figure of a row's tail
     * ({@code 0.36}).
     */
    private static boolean startsARow(List<String> fields) {
        return fields != null && fields.size() == WIDTH && YEAR_ATTEMPT.matcher(fields.get(ORDER_YEAR).strip()).matches();
    }

    /** Why a line is refused: its own problem, or, for the rest of a row broken over lines, whose fragment it is. */
    private String reason(int line, String problem) {
        Integer row = fragmentOf.get(line);
        return row == null ? problem : "a fragment of the row at line " + row + ", which a line break inside a field "
                + "split and which could not be put back together (read alone: " + problem + ")";
    }

    private void add(List<Line> used, List<String> fields, boolean repaired) {
        int number = used.get(0).number();
        List<String> issues = new ArrayList<>();
        SipriRow row = row(number, fields, issues);
        if (row == null) {
            problems.add(new SipriProblem(number, reason(number, String.join("; ", issues))));
            return;
        }
        if (used.stream().anyMatch(line -> line.undecided() != null)) {
            undecided.add(new Undecided(rows.size(), used));
        }
        rows.add(row);
        if (repaired) {
            repairedRows++;
        }
    }

    /** Rows read while the file still looked like UTF-8 are decoded again once it turned out not to be. */
    private void decodeAgain(Charset charset) {
        for (Undecided pending : undecided) {
            List<String> fields = null;
            String open = null;
            for (Line line : pending.lines()) {
                String text = open == null ? line.text(charset) : open + '\n' + line.text(charset);
                List<String> chunk = fields(text);
                open = chunk == null ? text : null;
                if (chunk != null) {
                    fields = fields == null ? chunk : join(fields, chunk);
                }
            }
            SipriRow row = row(pending.lines().get(0).number(), fields, new ArrayList<>());
            if (row != null) {
                rows.set(pending.index(), row);
            }
        }
    }

    private Chunk nextChunk() throws IOException {
        Line first;
        do {
            first = nextLine();
            if (first == null) {
                return null;
            }
        } while (first.text().isBlank());
        List<Line> used = new ArrayList<>(1);
        used.add(first);
        String text = first.text();
        List<String> fields = fields(text);
        while (fields == null && used.size() < MAX_LINES_PER_ROW) {
            Line more = nextLine();
            if (more == null) {
                break;
            }
            used.add(more);
            text = text + '\n' + more.text();
            fields = fields(text);
        }
        if (fields == null) {
            for (int i = used.size() - 1; i > 0; i--) {
                pushedBack.addFirst(used.get(i));
            }
            return new Chunk(List.of(first), null);
        }
        return new Chunk(used, fields);
    }

    private Line nextLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.removeFirst();
    }

    /**
     * Splits a line the way SIPRI and RFC 4180 write it: a field that starts with a double quote runs to the closing
     * quote, with doubled quotes standing for one. Returns null while a quoted field is still open.
     */
    static List<String> fields(String text) {
        List<String> fields = new ArrayList<>(WIDTH);
        int n = text.length();
        int i = 0;
        while (true) {
            int end;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        value.append(c);
                    } else if (i < n && text.charAt(i) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                // Anything between the closing quote and the next comma is kept rather than lost.
                end = text.indexOf(',', i);
                value.append(text, i, end < 0 ? n : end);
                fields.add(value.toString());
            } else {
                end = text.indexOf(',', i);
                fields.add(text.substring(i, end < 0 ? n : end));
            }
            if (end < 0) {
                return fields;
            }
            i = end + 1;
        }
    }

    /** The fields of a row broken over two lines: the broken field's two parts join with a single space. */
    static List<String> join(List<String> before, List<String> after) {
        List<String> joined = new ArrayList<>(before.size() + after.size() - 1);
        joined.addAll(before.subList(0, before.size() - 1));
        String end = before.get(before.size() - 1).strip();
        String start = after.get(0).strip();
        joined.add(end.isEmpty() || start.isEmpty() ? end + start : end + " " + start);
        joined.addAll(after.subList(1, after.size()));
        return joined;
    }

    /** The row these 16 fields make, or null with the issues found. */
    private static SipriRow row(int line, List<String> fields, List<String> issues) {
        if (fields.stream().allMatch(String::isBlank)) {
            issues.add("the row is empty");
            return null;
        }
        for (int column = 0; column < fields.size(); column++) {
            if (CONTROL.matcher(fields.get(column)).find()) {
                // Binary data, not text: PostgreSQL could not even store such text (NUL).
                issues.add("'" + COLUMNS.get(column) + "' holds control characters; is this a text file?");
                return null;
            }
        }
        Integer orderYear = whole(fields, ORDER_YEAR, issues);
        boolean orderYearUncertain = flag(fields, ORDER_YEAR_FLAG, issues);
        Integer numberOrdered = whole(fields, NUMBER_ORDERED, issues);
        boolean numberOrderedUncertain = flag(fields, NUMBER_ORDERED_FLAG, issues);
        Integer numberDelivered = whole(fields, NUMBER_DELIVERED, issues);
        boolean numberDeliveredUncertain = flag(fields, NUMBER_DELIVERED_FLAG, issues);
        String yearsText = fields.get(DELIVERY_YEARS).strip();
        boolean yearsUncertain = yearsText.contains(UNCERTAIN);
        List<Integer> years = years(yearsText.replace(UNCERTAIN, ""), issues);
        BigDecimal tivPerUnit = tiv(fields, TIV_PER_UNIT, issues);
        BigDecimal tivTotalOrder = tiv(fields, TIV_TOTAL_ORDER, issues);
        BigDecimal tivDelivered = tiv(fields, TIV_DELIVERED, issues);
        if (!issues.isEmpty()) {
            return null;
        }
        return new SipriRow(line, text(fields, RECIPIENT), text(fields, SUPPLIER), orderYear, orderYearUncertain,
                numberOrdered, numberOrderedUncertain, text(fields, DESIGNATION), text(fields, DESCRIPTION),
                numberDelivered, numberDeliveredUncertain, years, yearsUncertain, text(fields, STATUS),
                text(fields, COMMENTS), tivPerUnit, tivTotalOrder, tivDelivered, RegisterRow.of(fields));
    }

    /** A text cell; the {@code '} the writer puts before a formula-like cell is taken away again. */
    private static String text(List<String> fields, int column) {
        String text = fields.get(column).strip();
        if (text.length() > 1 && text.charAt(0) == SipriTradeRegisterWriter.NEUTRALISED
                && SipriTradeRegisterWriter.FORMULA_START.indexOf(text.charAt(1)) >= 0) {
            text = text.substring(1).strip();
        }
        return text.isEmpty() ? null : text;
    }

    private static Integer whole(List<String> fields, int column, List<String> issues) {
        String text = fields.get(column).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            issues.add("'" + COLUMNS.get(column) + "' is not a whole number: '" + text + "'");
            return null;
        }
    }

    private static boolean flag(List<String> fields, int column, List<String> issues) {
        String text = fields.get(column).strip();
        if (!text.isEmpty() && !text.equals(UNCERTAIN)) {
            issues.add("the flag after '" + COLUMNS.get(column - 1) + "' is '" + text + "' rather than '"
                    + UNCERTAIN + "' or empty");
        }
        return text.equals(UNCERTAIN);
    }

    private static List<Integer> years(String text, List<String> issues) {
        List<Integer> years = new ArrayList<>();
        for (String part : text.split(";")) {
            String year = part.strip();
            if (year.isEmpty()) {
                continue;
            }
            try {
                years.add(Integer.valueOf(year));
            } catch (NumberFormatException e) {
                issues.add("'" + COLUMNS.get(DELIVERY_YEARS) + "' holds '" + year + "', not a year");
            }
        }
        return years;
    }

    /** TIVs lose trailing zeros so that "7.20" and "7.2" read, compare and write back alike. */
    private static BigDecimal tiv(List<String> fields, int column, List<String> issues) {
        String text = fields.get(column).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text).stripTrailingZeros();
            // A huge exponent ("1E+999999999") would take forever to write out; no TIV has more than 12 digits.
            if (value.precision() - value.scale() > MAX_TIV_DIGITS || value.scale() > MAX_TIV_DIGITS) {
                issues.add("'" + COLUMNS.get(column) + "' is not a plausible TIV: '" + text + "'");
                return null;
            }
            return value.scale() < 0 ? value.setScale(0) : value;
        } catch (NumberFormatException e) {
            issues.add("'" + COLUMNS.get(column) + "' is not a number: '" + text + "'");
            return null;
        }
    }
}
