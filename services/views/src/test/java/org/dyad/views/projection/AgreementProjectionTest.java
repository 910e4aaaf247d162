package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.views.query.FetchAgreement;
import org.dyad.views.query.FetchAgreements;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/** An agreement's events applied by the batch core, read back through the agreement reader, against PostgreSQL. */
class AgreementProjectionTest extends ViewsTest {

    static AgreementSigned abmTreaty() {
        return new AgreementSigned("abm", "Anti-Ballistic Missile Treaty", AgreementKind.TREATY,
                List.of(AgreementSubject.values()[0]), List.of("USA", "RUS"), null, date("1972-05-26"), "Moscow",
                true, false, null, null, at("1999-01-01T00:00:00Z"));
    }

    /** The ABM Treaty: in force from 1972; the USA gave notice on 2001-12-13, effective six months later. */
    void abmTreatyWithTheUsWithdrawal() {
        feed.publish(abmTreaty(), new AgreementEnteredIntoForce("abm", date("1972-10-03"), List.of("USA", "RUS"),
                at("1999-01-01T00:00:00Z")));
        feed.publish(new WithdrawalNotified("abm", "USA", date("2001-12-13"), date("2002-06-13"),
                at("2001-12-14T00:00:00Z")));
    }

    private JsonNode agreement(LocalDate asOf, Instant knownAt) {
        return readers.agreements.fetch(new FetchAgreement("abm", asOf, knownAt)).map(EventFeed::asSent)
                .orElse(null);
    }

    private static String statusOf(JsonNode agreement, String party) {
        for (JsonNode p : agreement.path("parties")) {
            if (party.equals(p.path("party").asText())) {
                return p.path("status").asText();
            }
        }
        throw new AssertionError(party + " is not a party of " + agreement);
    }

    @Test
    void aWithdrawalIsNotifiedUntilItTakesEffectAndEndsABilateralTreatyThen() {
        abmTreatyWithTheUsWithdrawal();

        JsonNode notified = agreement(LocalDate.parse("2002-01-01"), null);
        assertThat(statusOf(notified, "USA")).isEqualTo("WITHDRAWAL_NOTIFIED");
        assertThat(notified.path("status").asText()).isEqualTo("IN_FORCE");

        JsonNode withdrawn = agreement(LocalDate.parse("2002-06-13"), null);
        assertThat(statusOf(withdrawn, "USA")).isEqualTo("WITHDRAWN");
        assertThat(statusOf(withdrawn, "RUS")).isEqualTo("IN_FORCE");
        assertThat(withdrawn.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(withdrawn.path("endedOn").asText()).isEqualTo("2002-06-13");

        JsonNode now = agreement(null, null);
        assertThat(now.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(statusOf(now, "USA")).isEqualTo("WITHDRAWN");
        assertThat(agreement(null, Instant.parse("2001-12-01T00:00:00Z")).path("status").asText())
                .as("as known before the notice was recorded").isEqualTo("IN_FORCE");
        assertThat(agreement(LocalDate.parse("1972-01-01"), null)).as("not signed yet").isNull();
    }

    @Test
    void aWithdrawalStillToTakeEffectKeepsTheAgreementDueForReviewOnItsDate() {
        LocalDate effective = LocalDate.now().plusMonths(6);
        feed.publish(abmTreaty(), new AgreementEnteredIntoForce("abm", date("1972-10-03"), List.of("USA", "RUS"),
                at("1999-01-01T00:00:00Z")));
        feed.publish(new WithdrawalNotified("abm", "USA", date(LocalDate.now().minusDays(1).toString()),
                date(effective.toString()), at("2001-12-14T00:00:00Z")));

        assertThat(statusOf(agreement(null, null), "USA")).isEqualTo("WITHDRAWAL_NOTIFIED");
        assertThat(database.jdbc().queryForObject("SELECT review_on FROM views.agreement WHERE agreement_id = 'abm'",
                java.sql.Date.class).toLocalDate()).isEqualTo(effective);
        assertThat(feed.reviewAgreementsDueBy(LocalDate.now())).as("not due yet").isZero();
        assertThat(feed.reviewAgreementsDueBy(effective)).isEqualTo(1);
    }

    @Test
    void agreementsAreFoundByPartyAndPartyStatusNowAndAsOfADate() {
        abmTreatyWithTheUsWithdrawal();

        assertThat(EventFeed.asSent(readers.agreements.fetch(new FetchAgreements("USA", null, "WITHDRAWN", null,
                null, 0, 10, null, null))).path("total").asLong()).isEqualTo(1);
        assertThat(EventFeed.asSent(readers.agreements.fetch(new FetchAgreements("USA", null, "WITHDRAWN", null,
                null, 0, 10, LocalDate.parse("2002-01-01"), null))).path("total").asLong())
                .as("not yet withdrawn then").isZero();
        assertThat(EventFeed.asSent(readers.agreements.fetch(new FetchAgreements("CHN", null, null, null,
                null, 0, 10, null, null))).path("total").asLong()).isZero();
    }
}
