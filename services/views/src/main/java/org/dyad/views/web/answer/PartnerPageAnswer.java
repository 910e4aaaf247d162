package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.util.List;
import java.util.Map;

/** A page of an actor's partners ({@code GET /api/v1/relationships?party=}), most records first. */
@Schema(name = "PartnerPage", description = "a page of an actor's partners, the one with most records first")
public record PartnerPageAnswer(
        List<Partner> items,
        int page,
        int size,
        @Schema(description = "the partners on every page") long total,
        @Schema(description = "every source the answer names, by key (none for partners)") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    /** A partner and how many records of each kind name both actors. */
    @Schema(name = "Partner", description = "a partner and the records naming both")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Partner(String partner, int agreements, int deals, int statements,
                          @Schema(format = "date") String firstEventOn,
                          @Schema(format = "date") String lastEventOn) {
    }
}
