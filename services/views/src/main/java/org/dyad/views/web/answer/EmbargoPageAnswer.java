package org.dyad.views.web.answer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/** A page of embargoes ({@code GET /api/v1/embargoes}), earliest start first. */
@Schema(name = "EmbargoPage", description = "a page of embargoes, earliest start first, each with its status on the "
        + "date asked about")
public record EmbargoPageAnswer(
        List<EmbargoAnswer> items,
        int page,
        int size,
        @Schema(description = "the embargoes on every page") long total,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
