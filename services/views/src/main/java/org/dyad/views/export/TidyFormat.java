package org.dyad.views.export;

import org.dyad.support.web.ApiProblemException;

import java.util.Arrays;
import java.util.Locale;

/** The formats of the exports for analysis: one row per observation, one column per variable. */
public enum TidyFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    NDJSON("ndjson", "application/x-ndjson"),
    PARQUET("parquet", "application/vnd.apache.parquet");

    private final String extension;
    private final String mediaType;

    TidyFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a file name's extension asks for; an unknown one is a bad request naming {@code format}. */
    public static TidyFormat ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> ApiProblemException.badRequest("format",
                        "'" + extension + "' is not an export format: ask for .csv, .ndjson or .parquet"));
    }
}
