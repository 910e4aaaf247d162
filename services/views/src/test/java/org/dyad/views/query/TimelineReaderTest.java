package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events between actors through {@link TimelineReader}, in valid-time order, filtered and paged. */
class TimelineReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    private JsonNode timeline(List<String> parties, LocalDate from, LocalDate to, List<String> types, int page,
                              int size, Instant knownAt) {
        return EventFeed.asSent(readers.timeline.fetch(new FetchTimeline(parties, from, to, types, page, size,
                knownAt)));
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("items").forEach(e -> types.add(e.path("type").asText() + "@" + e.path("validOn").asText()));
        return types;
    }

    @Test
    void aPairsEventsComeInValidTimeOrderWithTheirTotal() {
        JsonNode page = timeline(List.of("RUS", "IRN"), null, null, List.of(), 0, 10, null);
        assertThat(types(page)).containsExactly("SaleReported@2007-12", "ContractConcluded@2007-12-25",
                "DealCancelled@2010-09-22", "StatementRecorded@2010-09-25");
        assertThat(page.path("total").asLong()).isEqualTo(4);
    }

    @Test
    void filtersByDatesTypesAndActorAndPages() {
        assertThat(types(timeline(List.of("RUS", "IRN"), LocalDate.parse("2008-01-01"), null, List.of(), 0, 10,
                null))).containsExactly("DealCancelled@2010-09-22", "StatementRecorded@2010-09-25");
        assertThat(types(timeline(List.of("IND"), null, null, List.of("SaleReported"), 0, 10, null)))
                .containsExactly("SaleReported@2000-10", "SaleReported@2008-01", "SaleReported@2012-05");
        JsonNode second = timeline(List.of("IND"), null, null, List.of(), 1, 2, null);
        assertThat(second.path("total").asLong()).isEqualTo(4);
        assertThat(types(second)).containsExactly("SaleReported@2008-01", "SaleReported@2012-05");
    }

    @Test
    void asKnownAtAnInstantLaterEventsAreLeftOut() {
        assertThat(types(timeline(List.of("RUS", "IRN"), null, null, List.of(), 0, 10, ReaderWorld.KNOWN_IN_2009)))
                .containsExactly("SaleReported@2007-12", "ContractConcluded@2007-12-25");
    }
}
