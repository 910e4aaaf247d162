package org.dyad.views.projection;

import org.dyad.views.model.RecordedFact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecentRecordsTest {

    @Test
    void anEntryIsUsedOnlyAtTheVersionItWasKeptFor() {
        RecentRecords recent = new RecentRecords(100);
        recent.put("deal-1", new RecentRecords.Entry("deal", 2, facts("deal-1", 3), Set.of()));

        assertThat(recent.at("deal-1", 2)).isNotNull();
        // the database moved on (another instance applied more) or the batch that kept it rolled back
        assertThat(recent.at("deal-1", 3)).isNull();
        assertThat(recent.at("deal-1", 1)).isNull();
        assertThat(recent.at("deal-2", 2)).isNull();
    }

    @Test
    void theLeastRecentlyUsedRecordsGoFirstOnceTheFactsExceedTheBound() {
        RecentRecords recent = new RecentRecords(10);
        recent.put("a", new RecentRecords.Entry("deal", 3, facts("a", 4), Set.of()));
        recent.put("b", new RecentRecords.Entry("deal", 3, facts("b", 4), Set.of()));
        recent.at("a", 3);
        recent.put("c", new RecentRecords.Entry("deal", 3, facts("c", 4), Set.of()));

        assertThat(recent.at("b", 3)).isNull();
        assertThat(recent.at("a", 3)).isNotNull();
        assertThat(recent.at("c", 3)).isNotNull();

        recent.put("a", new RecentRecords.Entry("deal", 5, facts("a", 7), Set.of()));
        assertThat(recent.at("c", 3)).isNull();
        assertThat(recent.at("a", 5).facts()).hasSize(7);
    }

    private static List<RecordedFact> facts(String id, int count) {
        List<RecordedFact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(new RecordedFact(id + "-" + i, id, i, i, "SaleReported", Instant.EPOCH, null));
        }
        return facts;
    }
}
