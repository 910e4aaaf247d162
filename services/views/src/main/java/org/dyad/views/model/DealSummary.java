package org.dyad.views.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.projection.DealView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deal's document as lists and relationships answer it: without its history and every claim of its estimates
 * (most of its size: the latest claim of each source stays, {@code latestEstimates}), but with the
 * first and last valid dates of its facts ({@code firstValidOn}, {@code lastValidOn}, as written, "~" dropped). The
 * summary stored for a deal's state names its sources by id ({@link Sources#compact}).
 */
public final class DealSummary {

    /** Writes deal records as their documents without the history and claims, never turned into JSON then. */
    private static final ObjectMapper WITHOUT_HISTORY = DyadJson.mapper().copy()
            .addMixIn(DealView.class, WithoutHistory.class);

    @JsonIgnoreProperties({"history", "estimates"})
    private interface WithoutHistory {
    }

    private DealSummary() {
    }

    /**
     * The summary of a folded deal as stored: the same as {@link #of(ObjectNode)} of its document, with its sources
     * named by id ({@link Sources#compact}).
     */
    public static ObjectNode of(DealView deal) {
        ObjectNode summary = WITHOUT_HISTORY.valueToTree(deal);
        List<String> dates = deal.history().stream().map(HistoryEntry::validOn).filter(Objects::nonNull)
                .map(PartialDate::toString).map(date -> date.replace("~", "")).sorted().toList();
        return Sources.compact(withValidDates(summary, dates));
    }

    /** Turns a deal document into its summary, in place. */
    public static ObjectNode of(ObjectNode deal) {
        List<String> dates = new ArrayList<>();
        deal.path("history").forEach(h -> {
            JsonNode validOn = h.path("validOn");
            if (validOn.isTextual()) {
                dates.add(validOn.asText().replace("~", ""));
            }
        });
        dates.sort(null);
        deal.remove("history");
        deal.remove("estimates");
        return withValidDates(deal, dates);
    }

    private static ObjectNode withValidDates(ObjectNode summary, List<String> sortedDates) {
        summary.put("firstValidOn", sortedDates.isEmpty() ? null : sortedDates.get(0));
        summary.put("lastValidOn", sortedDates.isEmpty() ? null : sortedDates.get(sortedDates.size() - 1));
        return summary;
    }
}
