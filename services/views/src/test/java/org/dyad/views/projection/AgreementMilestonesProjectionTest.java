package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.MilestoneKind;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.MilestoneRecorded;
import org.dyad.views.query.FetchAgreement;
import org.dyad.views.query.Readers;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * The Arms Trade Treaty's milestones in its answer, at each date: adopted 2013-04-02, signed from 2013-06-03. The
 * provisional application by GBR of Articles 6 and 7 from its signature is a test fact.
 */
class AgreementMilestonesProjectionTest {

    private static final String ATT = "arms-trade-treaty";

    private final ViewsDatabase database = ViewsDatabase.get();
    private Readers readers;

    @BeforeEach
    void recordTheTreaty() {
        database.clear();
        EventFeed feed = new EventFeed(database);
        readers = new Readers(database);
        feed.publish(new AgreementSigned(ATT, "Arms Trade Treaty", AgreementKind.TREATY,
                List.of(AgreementSubject.ARMS_CONTROL), List.of("GBR", "FRA"), null, date("2013-06-03"), "New York",
                true, false, null, null, at("2013-06-04T00:00:00Z")));
        feed.publish(new MilestoneRecorded(ATT, MilestoneKind.ADOPTION, date("2013-04-02"), null, null,
                "UN General Assembly resolution 67/234 B", at("2013-06-05T00:00:00Z")));
        feed.publish(new MilestoneRecorded(ATT, MilestoneKind.PROVISIONAL_APPLICATION, date("2013-09"), "GBR",
                "Articles 6 and 7", null, at("2013-10-01T00:00:00Z")));
    }

    private List<String> milestones(LocalDate asOf, Instant knownAt) {
        JsonNode agreement = readers.agreements.fetch(new FetchAgreement(ATT, asOf, knownAt))
                .map(EventFeed::asSent).orElseThrow();
        List<String> kinds = new java.util.ArrayList<>();
        agreement.path("milestones").forEach(m -> kinds.add(m.path("kind").asText() + " "
                + m.path("party").asText("all") + " " + m.path("on").asText()));
        return kinds;
    }

    @Test
    void theMilestonesShowFromTheirDatesAndAsKnownThen() {
        assertThat(milestones(null, null)).containsExactly("ADOPTION all 2013-04-02",
                "PROVISIONAL_APPLICATION GBR 2013-09");
        assertThat(milestones(LocalDate.parse("2013-07-01"), null)).containsExactly("ADOPTION all 2013-04-02");
        assertThat(milestones(null, Instant.parse("2013-06-04T12:00:00Z"))).as("known before either").isEmpty();
    }
}
