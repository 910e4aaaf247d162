package org.dyad.views.web.answer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/** A page of agreements ({@code GET /api/v1/agreements}). */
@Schema(name = "AgreementPage", description = "a page of the agreements the filter selects")
public record AgreementPageAnswer(
        List<AgreementAnswer> items,
        int page,
        int size,
        @Schema(description = "the agreements on every page") long total,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {
}
