package org.dyad.contracts.query;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.Source;

import java.time.Instant;

/** A value estimate together with the source that claims it. */
public record EstimateClaim(Estimate estimate, Source source, Instant recordedAt) {
}
