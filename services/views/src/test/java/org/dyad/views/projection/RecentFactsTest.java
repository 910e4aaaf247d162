package org.dyad.views.projection;

import org.dyad.views.model.LoggedFact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFactsTest {

    @Test
    void anEntryIsUsedOnlyAtTheVersionItWasKeptFor() {
        RecentFacts recent = new RecentFacts(100);
        recent.put("deal-1", new RecentFacts.Entry("deal", 2, facts("deal-1", 3), Set.of()));

        assertThat(recent.at("deal-1", 2)).isNotNull();
        // the database moved on (another instance applied more) or the batch that kept it rolled back
        assertThat(recent.at("deal-1", 3)).isNull();
        assertThat(recent.at("deal-1", 1)).isNull();
        assertThat(recent.at("deal-2", 2)).isNull();
    }

    @Test
    void theLeastRecentlyUsedRecordsGoFirstOnceTheFactsExceedTheBound() {
        RecentFacts recent = new RecentFacts(10);
        recent.put("a", new RecentFacts.Entry("deal", 3, facts("a", 4), Set.of()));
        recent.put("b", new RecentFacts.Entry("deal", 3, facts("b", 4), Set.of()));
        recent.at("a", 3);
        recent.put("c", new RecentFacts.Entry("deal", 3, facts("c", 4), Set.of()));

        assertThat(recent.at("b", 3)).isNull();
        assertThat(recent.at("a", 3)).isNotNull();
        assertThat(recent.at("c", 3)).isNotNull();

        recent.put("a", new RecentFacts.Entry("deal", 5, facts("a", 7), Set.of()));
        assertThat(recent.at("c", 3)).isNull();
        assertThat(recent.at("a", 5).facts()).hasSize(7);
    }

    private static List<LoggedFact> facts(String id, int count) {
        List<LoggedFact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(new LoggedFact(id + "-" + i, id, i, i, "SaleReported", Instant.EPOCH, null));
        }
        return facts;
    }
}
