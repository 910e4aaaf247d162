package org.dyad.contracts.query;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;

import java.util.List;

/**
 * A deal as the views show it.
 *
 * @param latestEstimates the latest estimate of each source, side by side (sources may disagree)
 * @param sourceCount     how many distinct sources report on this deal
 */
public record DealSummary(String dealId, String supplier, String recipient, DealStage stage, List<DealItem> items,
                          PartialDate reportedOn, List<EstimateClaim> latestEstimates, int sourceCount,
                          List<Source> sources, long version) {
}
