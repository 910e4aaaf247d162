package org.dyad.views.web.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.dyad.contracts.common.AdmiraltyGrade;

import java.time.Instant;

/** Who recorded a fact, when, from which source (its id in the answer's {@code sources}) and how reliable. */
@Schema(name = "Provenance", description = "who recorded a fact, when, and from which source")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvenanceAnswer(
        @Schema(description = "the Admiralty grade: source reliability A-F and information credibility 1-6")
        AdmiraltyGrade grade,
        Instant recordedAt,
        @Schema(description = "the user who recorded it") String recordedBy,
        @Schema(description = "the source's key in the answer's sources") String sourceId) {
}
