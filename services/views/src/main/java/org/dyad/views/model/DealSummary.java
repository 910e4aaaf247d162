package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A deal's document as lists and relationships answer it: without its history (most of its size), but with the
 * first and last valid dates of its facts ({@code firstValidOn}, {@code lastValidOn}, as written, "~" dropped).
 */
public final class DealSummary {

    private DealSummary() {
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
        deal.put("firstValidOn", dates.isEmpty() ? null : dates.get(0));
        deal.put("lastValidOn", dates.isEmpty() ? null : dates.get(dates.size() - 1));
        return deal;
    }
}
