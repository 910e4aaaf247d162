package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.statement.ClaimedAmount;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.query.FetchRelationship;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/** A statement applied by the batch core, read back through the relationship reader, against PostgreSQL. */
class StatementProjectionTest extends ViewsTest {

    static StatementRecorded protest(String statementId, String speaker, List<String> addressees) {
        return new StatementRecorded(statementId, speaker, addressees, StatementKind.PROTEST, date("2010-06-10"),
                "condemns the cancellation", null, null, null, null, at("2010-06-11T00:00:00Z"));
    }

    private JsonNode pair(String a, String b) {
        return EventFeed.asSent(readers.relationships.fetch(new FetchRelationship(a, b, null, null, 0, 20)));
    }

    @Test
    void aStatementShowsBetweenItsSpeakerAndEachAddresseeUntilRetracted() {
        List<PublishedEvent> said = feed.publish(protest("s1", "IRN", List.of("RUS", "USA")));

        JsonNode irnRus = pair("RUS", "IRN");
        assertThat(irnRus.path("statements")).singleElement().satisfies(s -> {
            assertThat(s.path("speaker").asText()).isEqualTo("IRN");
            assertThat(s.path("kind").asText()).isEqualTo("PROTEST");
        });
        assertThat(pair("IRN", "USA").path("statements")).hasSize(1);
        assertThat(pairCount("IRN", "RUS")).isEqualTo(1);

        feed.publish(new RecordRetracted("s1", said.get(0).id(), "StatementRecorded", "misattributed",
                at("2010-07-01T00:00:00Z")));

        assertThat(pair("RUS", "IRN").path("statements")).isEmpty();
        assertThat(pairCount("IRN", "RUS")).as("the pair holds nothing else").isZero();
    }

    private long pairCount(String a, String b) {
        return database.jdbc().queryForObject("SELECT count(*) FROM views.relationship WHERE party_a = ?"
                + " AND party_b = ? AND statements = 1", Long.class, a, b);
    }

    @Test
    void aClaimShowsWithItsAmountAndCurrencyFromTheDateItWasMade() {
        // Iran claimed about $4 billion from Rosoboronexport in 2011 over the cancelled S-300 contract
        feed.publish(new StatementRecorded("irn-claim", "IRN", List.of("RUS"), StatementKind.DEMAND, date("2011"),
                "compensation for the cancelled S-300 contract", null, null, null, null, at("2011-09-01T00:00:00Z"),
                new ClaimedAmount(new BigDecimal("4000000000"), "USD", ClaimedAmount.Nature.CLAIMED)));

        JsonNode claim = pair("RUS", "IRN").path("statements").get(0).path("claim");
        assertThat(claim.path("amount").decimalValue()).isEqualByComparingTo("4000000000");
        assertThat(claim.path("currency").asText()).isEqualTo("USD");
        assertThat(claim.path("nature").asText()).isEqualTo("CLAIMED");
        JsonNode before = EventFeed.asSent(readers.relationships.fetch(new FetchRelationship("RUS", "IRN",
                java.time.LocalDate.parse("2010-12-31"), null, 0, 20)));
        assertThat(before.path("statements")).as("not yet made").isEmpty();
    }
}
