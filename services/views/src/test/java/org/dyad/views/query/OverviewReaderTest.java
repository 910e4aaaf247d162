package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures of the whole register through {@link OverviewReader}, now and at other times. */
class OverviewReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    private JsonNode overview(FetchOverview query) {
        return EventFeed.asSent(readers.overview.fetch(query));
    }

    @Test
    void countsDealsAgreementsYearsAndFlows() {
        JsonNode now = overview(new FetchOverview(null, null, 10));
        assertThat(now.path("deals").asInt()).isEqualTo(4);
        assertThat(now.path("pendingDeals").asInt()).isEqualTo(2);
        assertThat(now.path("agreements").asInt()).isEqualTo(1);
        List<String> years = new ArrayList<>();
        now.path("byYear").forEach(y -> years.add(y.path("year").asInt() + ":" + y.path("deals").asInt()));
        assertThat(years).contains("2000:1", "2007:1", "2008:1", "2012:1");
        List<String> flows = new ArrayList<>();
        now.path("flows").forEach(f -> flows.add(f.path("supplier").asText() + ">" + f.path("recipient").asText()
                + ":" + f.path("deals").asInt()));
        assertThat(flows).contains("RUS>IND:2", "RUS>IRN:1", "USA>IND:1");
        assertThat(overview(new FetchOverview(null, null, 1)).path("flows")).hasSize(1);
    }

    @Test
    void asOfADateAndAsKnownAtAnInstantOnlyWhatWasOnRecordCounts() {
        JsonNode in2009 = overview(new FetchOverview(LocalDate.parse("2009-01-01"), null, 10));
        assertThat(in2009.path("deals").asInt()).isEqualTo(3);
        assertThat(in2009.path("pendingDeals").asInt()).as("S-300 and C-130J").isEqualTo(2);
        assertThat(in2009.path("approximate").asBoolean()).isFalse();
        JsonNode known = overview(new FetchOverview(null, ReaderWorld.KNOWN_IN_2009, 10));
        assertThat(known.path("deals").asInt()).isEqualTo(3);
    }
}
