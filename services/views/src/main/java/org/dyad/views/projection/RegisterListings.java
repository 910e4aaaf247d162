package org.dyad.views.projection;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.event.RegisterEntryDropped;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRestated;
import org.dyad.contracts.deal.event.RegisterEntryRevised;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.views.model.HistoryEntry;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.dyad.views.projection.BatchWrites.json;

/**
 * What each release of a published register lists of a deal, in {@code views.register_listing}: one row per deal
 * and release that names it, with the row as that release wrote it and how (RECORDED: the deal was first recorded
 * from it; REVISED: stated differently from the release before; RESTATED: stated unchanged; DROPPED: not listed by
 * that release, with the row as last written). Rewritten from the deal's history with its other rows, so a
 * redelivered event or a rebuild gives the same rows.
 */
final class RegisterListings {

    enum Kind {
        RECORDED, REVISED, RESTATED, DROPPED
    }

    private static final CopyRows.Target LISTINGS = new CopyRows.Target("views.register_listing", "release_id",
            "released_on", "deal_id", "line", "row", "kind", "supplier", "recipient");

    private record Listing(PartialDate releasedOn, Integer line, RegisterRow row, Kind kind) {
    }

    private static final String DELETE_LISTINGS = "DELETE FROM views.register_listing WHERE deal_id = ?";

    private RegisterListings() {
    }

    /**
     * Writes the deal's listings, or none when the deal is gone from the views ({@code deal} null); those of a deal
     * already in the views ({@code isNew} false) replace its earlier ones.
     */
    static void order(BatchWrites batch) {
        batch.inOrder(DELETE_LISTINGS, LISTINGS);
    }

    static void write(RecordRows batch, RecordHistory record, DealView deal, boolean isNew) {
        if (!isNew) {
            batch.add(DELETE_LISTINGS, record.id());
        }
        if (deal == null || deal.register() == null) {
            return;
        }
        Map<String, Listing> byRelease = new LinkedHashMap<>();
        RegisterRow last = null;
        for (HistoryEntry entry : record.history()) {
            if (entry.retracted()) {
                continue;
            }
            String releaseId;
            Listing listing;
            if (entry.event() instanceof RegisterEntryRecorded e) {
                releaseId = e.releaseId();
                listing = new Listing(e.releasedOn(), e.line(), e.row(), Kind.RECORDED);
            } else if (entry.event() instanceof RegisterEntryRevised e) {
                releaseId = e.releaseId();
                listing = new Listing(e.releasedOn(), e.line(), e.row(), Kind.REVISED);
            } else if (entry.event() instanceof RegisterEntryRestated e) {
                releaseId = e.releaseId();
                // a release imported again restates what it recorded or revised: that stays what it did
                Listing earlier = byRelease.get(releaseId);
                listing = new Listing(e.releasedOn(), e.line(), e.row(),
                        earlier == null || earlier.kind() == Kind.DROPPED ? Kind.RESTATED : earlier.kind());
            } else if (entry.event() instanceof RegisterEntryDropped e && last != null) {
                releaseId = e.releaseId();
                listing = new Listing(e.releasedOn(), null, last, Kind.DROPPED);
            } else {
                continue;
            }
            byRelease.put(releaseId, listing);
            last = listing.row();
        }
        byRelease.forEach((releaseId, listing) -> batch.copy(LISTINGS, releaseId,
                listing.releasedOn().earliest(), record.id(), listing.line(), json(listing.row()),
                listing.kind().name(), deal.supplier(), deal.recipient()));
    }
}
