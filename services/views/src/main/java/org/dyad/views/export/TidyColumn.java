package org.dyad.views.export;

/**
 * A column of an export: its name (lower snake case, as pandas and R like them) and the type every format writes it
 * as. Every column may be empty (null).
 */
public record TidyColumn(String name, Type type) {

    public enum Type {
        /** UTF-8 text; in CSV guarded against running as a spreadsheet formula. */
        TEXT,
        /** A whole number (64 bits). */
        INTEGER,
        /** A decimal number: exact in CSV and NDJSON, a double in Parquet. */
        NUMBER,
        BOOLEAN,
        /** A calendar date (YYYY-MM-DD); a Parquet DATE. */
        DATE,
        /** An instant in UTC; in CSV and NDJSON as ISO 8601, in Parquet a TIMESTAMP (microseconds, UTC). */
        TIMESTAMP
    }

    public static TidyColumn text(String name) {
        return new TidyColumn(name, Type.TEXT);
    }

    public static TidyColumn integer(String name) {
        return new TidyColumn(name, Type.INTEGER);
    }

    public static TidyColumn number(String name) {
        return new TidyColumn(name, Type.NUMBER);
    }

    public static TidyColumn bool(String name) {
        return new TidyColumn(name, Type.BOOLEAN);
    }

    public static TidyColumn date(String name) {
        return new TidyColumn(name, Type.DATE);
    }

    public static TidyColumn timestamp(String name) {
        return new TidyColumn(name, Type.TIMESTAMP);
    }
}
