package org.dyad.examples.stagealerts;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealResumed;
import org.dyad.contracts.deal.event.DealRevived;
import org.dyad.contracts.deal.event.DealSuspended;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Deal events as the ledger records them, for tests. */
final class Deals {

    static final String PUBLISHER = "Test Gazette";

    private Deals() {
    }

    static Provenance provenance() {
        return new Provenance(new Source(PUBLISHER, "Arms report", null, PartialDate.parse("2020"), null, "en"),
                AdmiraltyGrade.parse("B2"), Instant.parse("2026-01-02T03:04:05Z"), "analyst");
    }

    static SaleReported reported(String dealId, DealStage stage, String... designations) {
        List<DealItem> items = Arrays.stream(designations).map(d -> DealItem.of(d, null, null)).toList();
        return new SaleReported(dealId, "RUS", "XXX", items, stage, PartialDate.parse("2001-03"), null, null,
                provenance());
    }

    static SaleNotified notified(String dealId, String... designations) {
        List<DealItem> items = Arrays.stream(designations).map(d -> DealItem.of(d, null, null)).toList();
        return new SaleNotified(dealId, "USA", "XXX", items, PartialDate.parse("2020-04-10"),
                new SaleNotification("20-23", "US Congress"), null, provenance());
    }

    static NegotiationOpened negotiating(String dealId, String on) {
        return new NegotiationOpened(dealId, PartialDate.parse(on), provenance());
    }

    static ContractConcluded contracted(String dealId, String on, String... designations) {
        List<DealItem> items = designations.length == 0 ? null
                : Arrays.stream(designations).map(d -> DealItem.of(d, null, null)).toList();
        return new ContractConcluded(dealId, PartialDate.parse(on), items, provenance());
    }

    static DeliveryRecorded delivered(String dealId, String on, String designation) {
        return new DeliveryRecorded(dealId,
                Tranche.on(PartialDate.parse(on), List.of(new TrancheItem(designation, 2, false))), provenance());
    }

    static DeliveryCompleted completed(String dealId, String on) {
        return new DeliveryCompleted(dealId, PartialDate.parse(on), provenance());
    }

    static DealSuspended suspended(String dealId, String on) {
        return new DealSuspended(dealId, PartialDate.parse(on), "sanctions", provenance());
    }

    static DealResumed resumed(String dealId, String on) {
        return new DealResumed(dealId, PartialDate.parse(on), provenance());
    }

    static DealCancelled cancelled(String dealId, String on) {
        return new DealCancelled(dealId, PartialDate.parse(on), "sanctions", provenance());
    }

    static DealRevived revived(String dealId, String on, DealStage stage) {
        return new DealRevived(dealId, PartialDate.parse(on), stage, provenance());
    }
}
