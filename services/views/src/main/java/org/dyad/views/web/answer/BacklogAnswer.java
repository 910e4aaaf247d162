package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.Source;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The backlog of a supplier, a recipient or a pair ({@code GET /api/v1/analytics/backlog}): each ordered and pending
 * deal's units and TIV still to deliver, with totals by supplier, recipient and expected year.
 */
@Schema(name = "Backlog", description = "each ordered and pending deal's units and TIV still to deliver, with totals "
        + "by supplier, recipient and expected year, the unknown year apart")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BacklogAnswer(
        String supplier,
        String recipient,
        @Schema(format = "date") String asOf,
        @Schema(format = "date-time") String knownAt,
        Totals totals,
        List<Deal> deals,
        @Schema(description = "every source the answer names, by key (none for a backlog)")
        Map<String, Source> sources,
        @Schema(description = "the display name of every actor code the answer names")
        Map<String, String> actorNames) {

    /** The totals of the deals' backlogs. */
    @Schema(name = "BacklogTotals", description = "the deals' backlogs summed, by supplier, by recipient and by "
            + "expected year, the unknown year apart")
    public record Totals(Sum all, Map<String, Sum> bySupplier, Map<String, Sum> byRecipient,
                         List<YearSum> byExpectedYear, Sum unknownYear) {
    }

    /** Deals, and the units and TIV outstanding of those that know them. */
    @Schema(name = "BacklogSum", description = "deals, the units and TIV outstanding of those that know them, and "
            + "how many do not")
    public record Sum(long deals, BigDecimal units, BigDecimal tiv, long dealsWithoutUnits, long dealsWithoutTiv) {
    }

    @Schema(name = "BacklogYearSum", description = "the sum of what is expected in a year")
    public record YearSum(int year, long deals, BigDecimal units, BigDecimal tiv, long dealsWithoutUnits,
                          long dealsWithoutTiv) {
    }

    /** One deal's backlog: what it ordered, delivered and still owes, and when the rest is expected. */
    @Schema(name = "BacklogDeal", description = "one ordered and pending deal: units and TIV outstanding (null when "
            + "not known), its other estimates prorated by the units outstanding, and when the rest is expected")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deal(
            String dealId,
            String supplier,
            String recipient,
            @Schema(description = "CONTRACTED or DELIVERING") String stage,
            @Schema(description = "ACTIVE or SUSPENDED") String status,
            @Schema(description = "the contract's date, else the first report's", pattern = Dates.PARTIAL_PATTERN)
            String orderedOn,
            List<String> designations,
            BigDecimal unitsOrdered,
            BigDecimal unitsDelivered,
            BigDecimal unitsOutstanding,
            BigDecimal tivPerUnit,
            BigDecimal tivOutstanding,
            List<EstimateOutstanding> estimatesOutstanding,
            @Schema(description = "what the latest schedule expects, by due date") List<Expected> expected,
            @Schema(description = "what no expectation covers") Outstanding unknownYear) {
    }

    @Schema(name = "BacklogEstimate", description = "an estimate in another currency than TIV, prorated by the units "
            + "outstanding (proRata) or whole")
    public record EstimateOutstanding(String currency, String basis, BigDecimal low, BigDecimal high,
                                      boolean proRata) {
    }

    @Schema(name = "BacklogExpected", description = "what is expected by a due date: imprecise when the date is a "
            + "year or month or approximate, overdue when past on the date asked about")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Expected(int year, @Schema(pattern = Dates.PARTIAL_PATTERN) String dueBy, BigDecimal units,
                           BigDecimal tiv, boolean imprecise, boolean overdue) {
    }

    @Schema(name = "BacklogOutstanding", description = "units and TIV, null when not known")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Outstanding(BigDecimal units, BigDecimal tiv) {
    }
}
