package org.dyad.views.web.answer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/** The sum of the standing deals' latest estimates in one currency and basis; no conversion is made. */
@Schema(name = "EstimateTotal", description = "the sum of the standing deals' latest estimates in one currency and "
        + "basis (no conversion between currencies)")
public record EstimateTotalAnswer(
        @Schema(description = "ISO 4217, or TIV") String currency,
        @Schema(description = "e.g. CURRENT, CONSTANT") String basis,
        @Schema(description = "how the sums are expressed, e.g. 'USD (current)'") String unit,
        @Schema(description = "the deals with an estimate in this currency and basis") long deals,
        @Schema(description = "standing deals without any estimate in this currency") long dealsWithoutEstimate,
        BigDecimal low,
        BigDecimal high) {
}
