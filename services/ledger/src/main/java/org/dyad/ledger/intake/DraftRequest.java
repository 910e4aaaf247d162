package org.dyad.ledger.intake;

import org.dyad.intake.TextKind;

import java.time.LocalDate;

/**
 * A text to draft from, sent as JSON.
 *
 * @param text   the text as published (plain text)
 * @param source where it was published
 * @param kind   what kind of text it is, when the analyst knows; absent: recognised by its marks
 */
public record DraftRequest(String text, SourceFields source, TextKind kind) {

    /** Where the text was published; {@code publishedOn} anchors relative dates ("on Monday"). */
    public record SourceFields(String publisher, String title, String url, LocalDate publishedOn, String language) {
    }
}
