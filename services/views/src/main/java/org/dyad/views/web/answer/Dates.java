package org.dyad.views.web.answer;

/** What the OpenAPI document says of dates. */
final class Dates {

    static final String PARTIAL = "a partial date as recorded: YYYY, YYYY-MM or YYYY-MM-DD, '~' before it when "
            + "approximate";
    static final String PARTIAL_PATTERN = "^~?\\d{4}(-\\d{2}(-\\d{2})?)?$";

    private Dates() {
    }
}
