package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreements through {@link AgreementReader}: filters and paging, as of a date and as known at an instant. */
class AgreementReaderTest {

    private Readers readers;

    @BeforeEach
    void world() {
        readers = ReaderWorld.build(ViewsDatabase.get());
    }

    private JsonNode agreements(String party, String status, String partyStatus, String kind, int page,
                                LocalDate asOf, Instant knownAt) {
        return EventFeed.asSent(readers.agreements.fetch(new FetchAgreements(party, status, partyStatus, kind, null,
                page, 10, asOf, knownAt)));
    }

    @Test
    void filtersByPartyStatusPartyStatusAndKind() {
        assertThat(agreements("USA", null, null, null, 0, null, null).path("total").asLong()).isEqualTo(1);
        assertThat(agreements("IND", null, null, null, 0, null, null).path("total").asLong()).isZero();
        assertThat(agreements(null, "TERMINATED", null, null, 0, null, null).path("total").asLong()).isEqualTo(1);
        assertThat(agreements("RUS", null, "IN_FORCE", null, 0, null, null).path("total").asLong()).isEqualTo(1);
        assertThat(agreements("USA", null, "IN_FORCE", null, 0, null, null).path("total").asLong()).isZero();
        assertThat(agreements(null, null, null, "MEMORANDUM", 0, null, null).path("total").asLong()).isZero();
        JsonNode pastTheEnd = agreements(null, null, null, "TREATY", 1, null, null);
        assertThat(pastTheEnd.path("total").asLong()).isEqualTo(1);
        assertThat(pastTheEnd.path("items")).isEmpty();
    }

    @Test
    void asOfADateAndAsKnownAtAnInstant() {
        assertThat(agreements(null, "IN_FORCE", null, null, 0, LocalDate.parse("2002-01-01"), null)
                .path("total").asLong()).isEqualTo(1);
        assertThat(agreements("USA", null, "WITHDRAWAL_NOTIFIED", null, 0, LocalDate.parse("2002-01-01"), null)
                .path("total").asLong()).isEqualTo(1);
        assertThat(agreements(null, "IN_FORCE", null, null, 0, null, Instant.parse("2001-06-01T00:00:00Z"))
                .path("total").asLong()).as("known before the notice").isEqualTo(1);
        assertThat(readers.agreements.between("RUS", "USA", LocalDate.parse("1972-01-01"), null))
                .as("not signed yet").isEmpty();
        assertThat(readers.agreements.between("RUS", "USA", null, null)).hasSize(1);
    }
}
