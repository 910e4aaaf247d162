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

/** What is on record between two actors through {@link RelationshipReader}, and an actor's partners. */
class RelationshipReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    private JsonNode pair(String a, String b, LocalDate asOf, Instant knownAt, int page, int size) {
        return EventFeed.asSent(readers.relationships.fetch(new FetchRelationship(a, b, asOf, knownAt, page, size)));
    }

    private static List<String> dealIds(JsonNode pair) {
        List<String> ids = new ArrayList<>();
        pair.path("deals").forEach(d -> ids.add(d.path("dealId").asText()));
        return ids;
    }

    @Test
    void aPairHoldsItsDealsAgreementsAndStatementsInEitherOrder() {
        JsonNode rusInd = pair("RUS", "IND", null, null, 0, 10);
        assertThat(rusInd.path("parties").toString()).isEqualTo("[\"IND\",\"RUS\"]");
        assertThat(dealIds(rusInd)).containsExactlyInAnyOrder("su30", "kilo");
        assertThat(rusInd.path("dealsTotal").asInt()).isEqualTo(2);
        assertThat(rusInd.path("dealsPending").asInt()).isEqualTo(1);
        assertThat(pair("IND", "RUS", null, null, 0, 10).path("dealsTotal").asInt()).isEqualTo(2);

        JsonNode rusUsa = pair("USA", "RUS", null, null, 0, 10);
        assertThat(rusUsa.path("agreements")).hasSize(1);
        assertThat(rusUsa.path("dealsTotal").asInt()).isZero();
        assertThat(pair("IRN", "RUS", null, null, 0, 10).path("statements")).hasSize(1);
    }

    @Test
    void aPairsDealsArePaged() {
        JsonNode second = pair("RUS", "IND", null, null, 1, 1);
        assertThat(second.path("dealsTotal").asInt()).isEqualTo(2);
        assertThat(second.path("deals")).hasSize(1);
        assertThat(dealIds(second)).doesNotContainAnyElementsOf(dealIds(pair("RUS", "IND", null, null, 0, 1)));
    }

    @Test
    void asOfADateAndAsKnownAtAnInstant() {
        JsonNode in2005 = pair("RUS", "IND", LocalDate.parse("2005-01-01"), null, 0, 10);
        assertThat(dealIds(in2005)).containsExactly("su30");
        assertThat(in2005.path("dealsPending").asInt()).isZero();
        assertThat(pair("RUS", "IRN", LocalDate.parse("2009-01-01"), null, 0, 10).path("dealsPending").asInt())
                .isEqualTo(1);
        JsonNode known = pair("RUS", "IRN", null, ReaderWorld.KNOWN_IN_2009, 0, 10);
        assertThat(known.path("statements")).as("the protest was not recorded yet").isEmpty();
        assertThat(known.path("dealsPending").asInt()).isEqualTo(1);
    }

    @Test
    void anActorsPartnersComeWithTheirCounts() {
        JsonNode partners = EventFeed.asSent(readers.relationships.partners(new FetchPartners("RUS", 0, 10, null,
                null)));
        List<String> rows = new ArrayList<>();
        partners.path("items").forEach(p -> rows.add(p.path("partner").asText() + ":" + p.path("agreements").asInt()
                + "/" + p.path("deals").asInt() + "/" + p.path("statements").asInt()));
        assertThat(rows).containsExactlyInAnyOrder("IND:0/2/0", "IRN:0/1/1", "USA:1/0/0");
        assertThat(partners.path("total").asLong()).isEqualTo(3);
    }
}
