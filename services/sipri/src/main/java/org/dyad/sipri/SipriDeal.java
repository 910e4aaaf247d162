package org.dyad.sipri;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.Tranche;

import java.util.List;

/**
 * A SIPRI row in Dyad's vocabulary.
 *
 * @param supplier    the supplier's actor code
 * @param recipient   the recipient's actor code
 * @param orderedOn   the year of order, approximate when SIPRI marks it uncertain; {@code null} when not given
 * @param cancelled   the comments say the deal, or what was left of it, was cancelled
 * @param delivery    everything delivered so far as one tranche, or {@code null} when nothing was delivered
 * @param completedOn the last delivery year of a fully delivered deal, else {@code null}
 * @param estimates   money values read from the comments, then the TIV for the total order
 */
public record SipriDeal(SipriRow row, String supplier, String recipient, DealItem item, DealTerms terms,
                        PartialDate orderedOn, DealStage stage, boolean cancelled, Tranche delivery,
                        PartialDate completedOn, List<Estimate> estimates) {

    public SipriDeal {
        estimates = List.copyOf(estimates);
    }
}
