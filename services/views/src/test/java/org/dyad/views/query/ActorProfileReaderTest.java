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

/** An actor's profile through {@link ActorProfileReader}: both sides of its trade, partners, open deals, treaties. */
class ActorProfileReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    private JsonNode profile(String actor, LocalDate asOf) {
        return EventFeed.asSent(readers.profiles.fetch(new FetchActorProfile(actor, asOf, null)));
    }

    @Test
    void aSuppliersProfileCountsItsDealsPartnersOpenDealsAndAgreementsInForce() {
        JsonNode rus = profile("RUS", null);
        assertThat(rus.path("actor").path("code").asText()).isEqualTo("RUS");
        assertThat(rus.path("asSupplier").path("deals").asInt()).isEqualTo(3);
        assertThat(rus.path("asRecipient").path("deals").asInt()).isZero();
        assertThat(rus.path("asSupplier").path("topPartners").get(0).path("partner").asText()).isEqualTo("IND");
        List<String> open = new ArrayList<>();
        rus.path("openDeals").forEach(d -> open.add(d.path("dealId").asText()));
        assertThat(open).containsExactly("kilo");
        assertThat(rus.path("agreementsInForce")).as("listed by the actor's own standing as a party").hasSize(1);

        assertThat(profile("USA", null).path("agreementsInForce")).as("withdrawn in 2002").isEmpty();
        JsonNode ind = profile("IND", null);
        assertThat(ind.path("asRecipient").path("deals").asInt()).isEqualTo(3);
        assertThat(ind.path("asSupplier").path("deals").asInt()).isZero();
        assertThat(ind.path("asRecipient").path("topPartners").get(0).path("partner").asText()).isEqualTo("RUS");
    }

    @Test
    void asOfADateTheProfileIsTheOneOfThen() {
        assertThat(profile("USA", LocalDate.parse("2001-06-01")).path("agreementsInForce")).hasSize(1);
        JsonNode in2001 = profile("RUS", LocalDate.parse("2001-06-01"));
        assertThat(in2001.path("asSupplier").path("deals").asInt()).isEqualTo(1);
        assertThat(in2001.path("agreementsInForce")).hasSize(1);
        List<String> open = new ArrayList<>();
        in2001.path("openDeals").forEach(d -> open.add(d.path("dealId").asText()));
        assertThat(open).as("the Su-30 deal was delivered in 2004").containsExactly("su30");
    }
}
