package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists of deals through {@link DealReader}: filters, paging, sorting, as of a date and as known at an instant. */
class DealReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    private JsonNode deals(String status, String supplier, String recipient, String designation, int page, int size,
                           LocalDate asOf, Instant knownAt) {
        return EventFeed.asSent(readers.deals.fetch(new FetchDeals(status, supplier, recipient, null, designation,
                null, null, "USD", "reportedOn", false, page, size, asOf, knownAt)));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(d -> ids.add(d.path("dealId").asText()));
        return ids;
    }

    @Test
    void filtersBySupplierRecipientDesignationAndStatus() {
        assertThat(ids(deals("ALL", "RUS", null, null, 0, 10, null, null))).containsExactly("su30", "s300", "kilo");
        assertThat(ids(deals("ALL", null, "IND", null, 0, 10, null, null))).containsExactly("su30", "c130", "kilo");
        assertThat(ids(deals("ALL", null, null, "su-30", 0, 10, null, null))).containsExactly("su30");
        assertThat(ids(deals("PENDING", null, null, null, 0, 10, null, null))).containsExactly("c130", "kilo");
        assertThat(ids(deals("CANCELLED", null, null, null, 0, 10, null, null))).containsExactly("s300");
        assertThat(ids(deals("DELIVERED", "RUS", "IND", null, 0, 10, null, null))).containsExactly("su30");
    }

    @Test
    void pagesCarryTheTotalAndFollowTheOrder() {
        JsonNode second = deals("ALL", null, null, null, 1, 3, null, null);
        assertThat(second.path("total").asLong()).isEqualTo(4);
        assertThat(ids(second)).containsExactly("kilo");
        assertThat(ids(deals("ALL", null, null, null, 0, 3, null, null))).containsExactly("su30", "s300", "c130");

        JsonNode byValue = EventFeed.asSent(readers.deals.fetch(new FetchDeals("ALL", null, null, null, null,
                new BigDecimal("2000000000"), null, "USD", "reportedOn", false, 0, 10, null, null)));
        assertThat(ids(byValue)).as("worth at least USD 2 bn").containsExactly("su30");
    }

    @Test
    void asOfADateAndAsKnownAtAnInstantDealsStandAsTheyDidThen() {
        assertThat(ids(deals("ALL", null, null, null, 0, 10, LocalDate.parse("2005-01-01"), null)))
                .containsExactly("su30");
        assertThat(ids(deals("PENDING", null, null, null, 0, 10, LocalDate.parse("2009-01-01"), null)))
                .as("the S-300 deal was not cancelled yet").containsExactly("s300", "c130");
        JsonNode known = deals("ALL", null, null, null, 0, 10, null, ReaderWorld.KNOWN_IN_2009);
        assertThat(ids(known)).containsExactly("su30", "s300", "c130");
        assertThat(known.path("items").get(1).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void oneDealIsFetchedWithItsHistoryAndTheDealsItSuperseded() {
        JsonNode deal = EventFeed.asSent(readers.deals.fetch(new FetchDeal("s300", null, null)).orElseThrow());
        assertThat(deal.path("history")).hasSize(3);
        assertThat(deal.path("supersedes")).isEmpty();
        assertThat(readers.deals.fetch(new FetchDeal("none", null, null))).isEmpty();
    }
}
