package org.dyad.contracts.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.wire.Described;

/**
 * Where a recorded fact comes from. Every recording command carries one: Dyad stores claims, not bare facts.
 *
 * @param publisher   who published it (a newspaper, a ministry, SIPRI)
 * @param title       the title of the article, report or dataset
 * @param url         where it can be read
 * @param publishedOn when it was published
 * @param quote       a short quote that supports the fact (not the whole text)
 * @param language    ISO 639-1 code of the source's language, when known
 */
@Described("Where a recorded fact comes from: publisher, title, URL, publication date, a short supporting quote "
        + "and the ISO 639-1 language.")
public record Source(
        @NotBlank @Size(max = 200) String publisher,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @NotNull PartialDate publishedOn,
        @Size(max = 1000) String quote,
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as 'en'") String language) {
}
