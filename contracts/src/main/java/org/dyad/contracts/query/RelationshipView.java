package org.dyad.contracts.query;

import org.dyad.contracts.common.PartialDate;

import java.util.List;

/**
 * What is on record between two actors: agreements both are party to, deals in either direction, and totals of the
 * deals' latest value estimates.
 *
 * @param parties        the two actors, in alphabetical order
 * @param firstEventOn   valid-time date of the earliest fact on record between them
 * @param lastEventOn    valid-time date of the latest fact on record between them
 */
public record RelationshipView(List<String> parties, List<AgreementSummary> agreements, List<DealSummary> deals,
                               List<EstimateTotal> estimateTotals, PartialDate firstEventOn, PartialDate lastEventOn) {
}
