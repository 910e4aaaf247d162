package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An actor's dependence on its partners ({@code GET /api/v1/analytics/dependence}): per window of years, each
 * partner's shares of the TIV delivered, of the deals ordered and of the units delivered, the Herfindahl-Hirschman
 * index and its trend.
 */
@Schema(name = "Dependence", description = "a recipient's dependence on its suppliers (side recipient) or a "
        + "supplier's on its recipients (side supplier), per window of years, with the HHI and its trend")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DependenceAnswer(
        String actor,
        @Schema(description = "the actor's side: recipient or supplier") String side,
        @Schema(format = "date") String asOf,
        @Schema(format = "date-time") String knownAt,
        @Schema(description = "years per window") int period,
        @Schema(description = "the first year, null when no deal gives one") Integer from,
        @Schema(description = "the last year, null when no deal gives one") Integer to,
        List<Window> windows,
        @Schema(description = "the index's change from the first window with TIV to the last; every field null "
                + "when no window has TIV")
        Trend trend,
        @Schema(description = "how the figures are worked out") String method,
        @Schema(description = "every source the answer names, by key (none for dependence)")
        Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    /** A window of years; the first and last are cut to the years asked about and then partial. */
    @Schema(name = "DependenceWindow", description = "a window of years with its totals, HHI (null without TIV) and "
            + "partners, largest TIV first")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Window(int from, int to, boolean partial, BigDecimal tiv, BigDecimal units, long deals,
                         @Schema(description = "the Herfindahl-Hirschman index of the TIV shares, 0-10,000")
                         Integer hhi,
                         List<Partner> partners) {
    }

    /** A partner's figures in a window; shares are fractions (0-1), null when the window's total is zero. */
    @Schema(name = "DependencePartner", description = "a partner's TIV, deals and units in a window and their shares "
            + "(fractions 0-1, null when the window's total is zero); inherited when they include a predecessor's "
            + "deals")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Partner(String partner, BigDecimal tiv, BigDecimal tivShare,
                          @Schema(description = "of the TIV, the part spread evenly over years of delivery")
                          BigDecimal spreadTiv,
                          long deals, BigDecimal dealShare, BigDecimal units, BigDecimal unitShare,
                          boolean inherited) {
    }

    /** The index of the first and the last window with TIV, its change and the direction of the change. */
    @Schema(name = "DependenceTrend", description = "the HHI of the first and last windows with TIV and its change; "
            + "direction: steady (under 100 points), more concentrated or less concentrated, null with one window")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Trend(@Schema(description = "e.g. 2000-2004") String fromWindow, String toWindow, Integer fromHhi,
                        Integer toHhi, Integer change, String direction) {
    }
}
