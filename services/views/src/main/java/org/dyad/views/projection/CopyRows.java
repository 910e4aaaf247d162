package org.dyad.views.projection;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/**
 * Rows for one table, written as PostgreSQL's {@code COPY … FROM STDIN} text format: one line per row, columns
 * separated by tabs, {@code \N} for null, backslash, tab, newline and carriage return escaped. A row costs the
 * server no statement to parse or plan and no parameters to bind, which is what makes {@code COPY} the fastest way
 * to append rows. Values are texts, numbers, booleans, dates, instants (written to the microsecond, as a
 * {@code timestamptz} keeps them) and collections of texts (written as a {@code text[]}); JSON goes in as its text.
 */
final class CopyRows {

    /** A table and the columns a row gives, in order. */
    record Target(String table, List<String> columns) {

        Target(String table, String... columns) {
            this(table, List.of(columns));
        }

        /** The statement that reads the rows, for schema {@code views}. */
        String statement() {
            return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        }
    }

    private final Target target;
    /** Rows encoded apart and joined as they are ({@link #addAll}), in order before {@link #text}. */
    private final List<CharSequence> joined = new ArrayList<>();
    private StringBuilder text;
    private int rows;

    CopyRows(Target target) {
        this(target, 8_192);
    }

    CopyRows(Target target, int capacity) {
        this.target = target;
        this.text = new StringBuilder(capacity);
    }

    Target target() {
        return target;
    }

    void add(Object... values) {
        if (values.length != target.columns().size()) {
            throw new IllegalArgumentException(target.table() + " takes " + target.columns().size()
                    + " columns, not " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
    }

    /**
     * Appends the rows of another set for the same table as they are encoded (encoded once, on its thread; not
     * copied, so {@code other} takes no rows after this).
     */
    void addAll(CopyRows other) {
        if (!other.target.equals(target)) {
            throw new IllegalArgumentException(other.target.table() + " rows do not go into " + target.table());
        }
        if (!text.isEmpty()) {
            joined.add(text);
            text = new StringBuilder();
        }
        joined.addAll(other.joined);
        if (!other.text.isEmpty()) {
            joined.add(other.text);
        }
        rows += other.rows;
    }

    int rows() {
        return rows;
    }

    /** The rows as COPY reads them, in the connection's encoding (UTF-8), each part encoded as it is read. */
    InputStream stream() {
        Iterator<CharSequence> parts = parts().iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return new ByteArrayInputStream(parts.next().toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** The rows as text (for tests and messages). */
    String text() {
        return String.join("", parts());
    }

    private List<CharSequence> parts() {
        List<CharSequence> parts = new ArrayList<>(joined);
        parts.add(text);
        return parts;
    }

    private void append(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            escaped(s);
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof LocalDate) {
            text.append(value);
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof java.sql.Date d) {
            text.append(d.toLocalDate());
        } else if (value instanceof Instant i) {
            text.append(i.truncatedTo(ChronoUnit.MICROS));
        } else if (value instanceof Timestamp t) {
            text.append(t.toInstant().truncatedTo(ChronoUnit.MICROS));
        } else if (value instanceof Collection<?> c) {
            escaped(arrayLiteral(c));
        } else {
            throw new IllegalArgumentException("no COPY text for " + value.getClass().getName());
        }
    }

    /** A {@code text[]} literal: every element quoted, its quotes and backslashes escaped. */
    private static String arrayLiteral(Collection<?> elements) {
        StringBuilder array = new StringBuilder("{");
        for (Object element : elements) {
            if (array.length() > 1) {
                array.append(',');
            }
            if (element == null) {
                array.append("NULL");
                continue;
            }
            array.append('"');
            String s = element.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    array.append('\\');
                }
                array.append(c);
            }
            array.append('"');
        }
        return array.append('}').toString();
    }

    /** The text with COPY's special characters escaped; the runs between them are appended whole. */
    private void escaped(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            String escape = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null) {
                text.append(s, run, i).append(escape);
                run = i + 1;
            }
        }
        text.append(s, run, s.length());
    }
}
