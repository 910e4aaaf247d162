package org.dyad.views.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes an export's rows as they are read, in one of the {@link TidyFormat formats}. Text and NDJSON go out row
 * by row; Parquet holds one row group at most ({@code rowGroupBytes}) before writing it. {@link #flush()} after a
 * page of rows sends what is written to the client; {@link #finish()} ends the file (Parquet's footer).
 */
public interface TidyRowWriter {

    /** One row: a value per column, in the columns' order; {@code null} for an empty cell. */
    void write(Object... values) throws IOException;

    void flush() throws IOException;

    void finish() throws IOException;

    static TidyRowWriter open(TidyFormat format, List<TidyColumn> columns, OutputStream out, long rowGroupBytes)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvRowWriter(columns, out);
            case NDJSON -> new NdjsonRowWriter(columns, out);
            case PARQUET -> new ParquetRowWriter(columns, out, rowGroupBytes);
        };
    }
}
