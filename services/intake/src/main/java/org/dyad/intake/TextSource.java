package org.dyad.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * Where a text was published. Every proposal's {@code source} is built from it, with the quote that supports the
 * proposal. {@code publishedOn} anchors relative dates ("on Monday", "last year"); without it they stay unresolved.
 *
 * @param language ISO 639-1 code; the rules read English
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextSource(String publisher, String title, String url, LocalDate publishedOn, String language) {

    /** A source known only by its publication date. */
    public static TextSource publishedOn(LocalDate date) {
        return new TextSource(null, null, null, date, "en");
    }
}
