package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Transfers by year, the largest flows, deals by stage and agreements by status ({@code GET /api/v1/overview}). */
@Schema(name = "Overview", description = "transfers by year, the largest flows, deals by stage and agreements by "
        + "status, over the deals and agreements the filter selects")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OverviewAnswer(
        @Schema(format = "date") String asOf,
        @Schema(format = "date-time") String knownAt,
        @Schema(description = "some figures are spread over years or read from partial dates") boolean approximate,
        long deals,
        long pendingDeals,
        long agreements,
        List<Year> byYear,
        @Schema(description = "the largest supplier-recipient flows") List<Flow> flows,
        List<StageCount> dealsByStage,
        List<StatusCount> agreementsByStatus,
        @Schema(description = "every source the answer names, by key") Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    @Schema(name = "OverviewYear", description = "one year: deals ordered, TIV delivered (tivSpread: of it, spread "
            + "over years by estimate), TIV and USD ordered, agreements signed")
    public record Year(int year, long deals, BigDecimal tiv, BigDecimal tivSpread, BigDecimal tivOrdered,
                       BigDecimal usd, long agreementsSigned) {
    }

    @Schema(name = "OverviewFlow", description = "the deals from a supplier to a recipient, with their TIV and USD")
    public record Flow(String supplier, String recipient, long deals, BigDecimal tiv, BigDecimal usd) {
    }

    @Schema(name = "StageCount", description = "deals at a standing (stage while active, else status)")
    public record StageCount(String stage, long deals) {
    }

    @Schema(name = "StatusCount", description = "agreements with a status")
    public record StatusCount(String status, long agreements) {
    }
}
