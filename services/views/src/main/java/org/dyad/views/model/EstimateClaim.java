package org.dyad.views.model;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;

/**
 * A value claimed for a deal, with who claims it. Claims from different sources stay side by side.
 *
 * @param eventId     the event that recorded the claim (to correct or retract it)
 * @param estimatedOn when the source made the claim
 * @param corrected   whether a correction changed it
 */
public record EstimateClaim(String eventId, Estimate estimate, PartialDate estimatedOn, Provenance provenance,
                            boolean corrected) {

    /** Claims from the same publisher, title and URL come from one source. */
    public String sourceKey() {
        var s = provenance.source();
        return (s.publisher() + "|" + s.title() + "|" + (s.url() == null ? "" : s.url())).toLowerCase();
    }
}
