package org.dyad.views.export;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much an export holds at once: it reads {@code pageSize} records per query (by key, so no query ever holds
 * the whole table), writes them and flushes them to the client before reading the next page; Parquet keeps at most
 * one row group of {@code rowGroupBytes} before writing it.
 */
@Component
public class ExportSettings {

    private final int pageSize;
    private final long rowGroupBytes;

    ExportSettings(@Value("${dyad.exports.page-size:500}") int pageSize,
                   @Value("${dyad.exports.parquet-row-group-bytes:8388608}") long rowGroupBytes) {
        if (pageSize < 1 || rowGroupBytes < 1024) {
            throw new IllegalArgumentException("dyad.exports.page-size must be at least 1 and "
                    + "dyad.exports.parquet-row-group-bytes at least 1024");
        }
        this.pageSize = pageSize;
        this.rowGroupBytes = rowGroupBytes;
    }

    public int pageSize() {
        return pageSize;
    }

    public long rowGroupBytes() {
        return rowGroupBytes;
    }
}
