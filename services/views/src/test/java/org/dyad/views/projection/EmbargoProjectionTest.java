package org.dyad.views.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.embargo.event.EmbargoLifted;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.query.FetchDeal;
import org.dyad.views.query.FetchEmbargoes;
import org.dyad.views.query.FetchRelationship;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * Embargoes applied by the batch core and read back, now, as of dates and as known at instants, against PostgreSQL.
 * UN Security Council resolution 1929 (2010-06-09) forbade arms supplies to Iran until 2020-10-18; the European
 * Union's arms embargo on China dates from the Madrid European Council of 1989-06-27; the United States suspended
 * arms sales to China on 1989-06-05.
 */
class EmbargoProjectionTest extends ViewsTest {

    private static final String UN_IRAN = "unsc-1929-irn";

    private static EmbargoImposed imposed(String id, String imposedBy, List<String> targets, String from, String to,
                                          String recordedAt) {
        return new EmbargoImposed(id, imposedBy, targets, date(from), to == null ? null : date(to),
                List.of(EmbargoMeasure.ARMS), List.of(WeaponCategory.AIRCRAFT, WeaponCategory.MISSILES),
                "combat aircraft, missiles", "UN Security Council resolution 1929", at(recordedAt));
    }

    private JsonNode embargo(String id, LocalDate asOf, Instant knownAt) {
        return readers.embargoes.fetch(id, asOf, knownAt).map(EventFeed::asSent).orElse(null);
    }

    private JsonNode between(String a, String b, LocalDate asOf) {
        return EventFeed.asSent(readers.relationships.fetch(new FetchRelationship(a, b, asOf, null, 0, 20)))
                .path("embargoes");
    }

    @Test
    void anEmbargoBindsFromItsStartUntilItIsLiftedAtEveryDateAskedAbout() {
        feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010-06-09", null, "2010-06-10T00:00:00Z"));
        feed.publish(new EmbargoLifted(UN_IRAN, date("2020-10-18"), "terminated under resolution 2231",
                at("2020-10-19T00:00:00Z")));

        assertThat(embargo(UN_IRAN, LocalDate.parse("2010-06-08"), null)).as("not yet imposed").isNull();
        assertThat(embargo(UN_IRAN, LocalDate.parse("2010-06-09"), null).path("status").asText())
                .isEqualTo("IN_FORCE");
        assertThat(embargo(UN_IRAN, LocalDate.parse("2020-10-17"), null).path("status").asText())
                .isEqualTo("IN_FORCE");
        assertThat(embargo(UN_IRAN, LocalDate.parse("2020-10-18"), null).path("status").asText())
                .isEqualTo("LIFTED");
        JsonNode now = embargo(UN_IRAN, null, null);
        assertThat(now.path("status").asText()).isEqualTo("LIFTED");
        assertThat(now.path("liftedOn").asText()).isEqualTo("2020-10-18");
        assertThat(now.path("legalBasis").asText()).isEqualTo("UN Security Council resolution 1929");
        assertThat(now.path("history")).hasSize(2);
        assertThat(embargo(UN_IRAN, null, Instant.parse("2015-01-01T00:00:00Z")).path("status").asText())
                .as("before the lifting was recorded").isEqualTo("IN_FORCE");
    }

    @Test
    void anEmbargoWithASetEndExpiresAfterItsLastDay() {
        feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010-06-09", "2020-10-18", "2010-06-10T00:00:00Z"));

        assertThat(embargo(UN_IRAN, LocalDate.parse("2020-10-18"), null).path("status").asText())
                .isEqualTo("IN_FORCE");
        assertThat(embargo(UN_IRAN, LocalDate.parse("2020-10-19"), null).path("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(embargo(UN_IRAN, null, null).path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aDateInsideAnImpreciseStartOrLiftingIsMarkedUncertain() {
        // a source that gives only the year of the start and of the lifting (the imprecision is invented)
        feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010", null, "2011-01-01T00:00:00Z"));
        feed.publish(new EmbargoLifted(UN_IRAN, date("2020"), "terminated", at("2021-01-01T00:00:00Z")));

        JsonNode early = embargo(UN_IRAN, LocalDate.parse("2010-03-01"), null);
        assertThat(early.path("status").asText()).isEqualTo("NOT_YET_IN_FORCE");
        assertThat(early.path("possibly").asText()).isEqualTo("IN_FORCE");
        JsonNode middle = embargo(UN_IRAN, LocalDate.parse("2015-03-01"), null);
        assertThat(middle.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(middle.path("possibly").asText(null)).as("certain in between").isNull();
        JsonNode late = embargo(UN_IRAN, LocalDate.parse("2020-05-01"), null);
        assertThat(late.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(late.path("possibly").asText()).isEqualTo("LIFTED");
        assertThat(embargo(UN_IRAN, LocalDate.parse("2021-01-01"), null).path("status").asText())
                .isEqualTo("LIFTED");
        assertThat(between("RUS", "IRN", LocalDate.parse("2010-03-01"))).as("it may bind then").hasSize(1);
    }

    @Test
    void aRelationshipListsTheEmbargoesInForceBetweenThePair() {
        feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010-06-09", null, "2010-06-10T00:00:00Z"),
                imposed("eu-1989-chn", "QUE", List.of("CHN"), "1989-06-27", null, "1989-07-01T00:00:00Z"),
                imposed("usa-1989-chn", "USA", List.of("CHN"), "1989-06-05", null, "1989-07-01T00:00:00Z"));
        feed.publish(new EmbargoLifted(UN_IRAN, date("2020-10-18"), "terminated under resolution 2231",
                at("2020-10-19T00:00:00Z")));

        assertThat(between("RUS", "IRN", LocalDate.parse("2015-01-01")))
                .as("an organisation's embargo binds whoever supplies its target")
                .extracting(e -> e.path("embargoId").asText()).containsExactly(UN_IRAN);
        assertThat(between("IRN", "RUS", LocalDate.parse("2021-01-01"))).as("lifted").isEmpty();
        assertThat(between("RUS", "IRN", null)).as("lifted").isEmpty();
        assertThat(between("USA", "CHN", null)).extracting(e -> e.path("embargoId").asText())
                .containsExactly("usa-1989-chn", "eu-1989-chn");
        assertThat(between("RUS", "CHN", null)).as("a state's embargo binds only itself")
                .extracting(e -> e.path("embargoId").asText()).containsExactly("eu-1989-chn");
        assertThat(between("RUS", "CHN", LocalDate.parse("1989-06-20"))).extracting(e -> e.path("embargoId")
                .asText()).isEmpty();
    }

    @Test
    void embargoesAreListedByActorRoleAndStatus() {
        feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010-06-09", null, "2010-06-10T00:00:00Z"),
                imposed("eu-1989-chn", "QUE", List.of("CHN"), "1989-06-27", null, "1989-07-01T00:00:00Z"),
                imposed("usa-1989-chn", "USA", List.of("CHN"), "1989-06-05", null, "1989-07-01T00:00:00Z"));
        feed.publish(new EmbargoLifted(UN_IRAN, date("2020-10-18"), "terminated under resolution 2231",
                at("2020-10-19T00:00:00Z")));

        assertThat(ids(new FetchEmbargoes("CHN", "TARGET", null, 0, 50, null, null)))
                .containsExactly("usa-1989-chn", "eu-1989-chn");
        assertThat(ids(new FetchEmbargoes("CHN", "IMPOSER", null, 0, 50, null, null))).isEmpty();
        assertThat(ids(new FetchEmbargoes(null, null, "IN_FORCE", 0, 50, null, null)))
                .containsExactly("usa-1989-chn", "eu-1989-chn");
        assertThat(ids(new FetchEmbargoes(null, null, "IN_FORCE", 0, 50, LocalDate.parse("2015-01-01"), null)))
                .containsExactly("usa-1989-chn", "eu-1989-chn", UN_IRAN);
        assertThat(ids(new FetchEmbargoes("QUN", null, "LIFTED", 0, 50, null, null))).containsExactly(UN_IRAN);
    }

    @Test
    void aRetractedEmbargoLeavesTheViews() {
        List<PublishedEvent> imposed = feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010-06-09", null,
                "2010-06-10T00:00:00Z"));
        feed.publish(new RecordRetracted(UN_IRAN, imposed.get(0).id(), "EmbargoImposed", "wrong resolution",
                at("2010-07-01T00:00:00Z")));

        assertThat(embargo(UN_IRAN, null, null)).isNull();
        assertThat(between("RUS", "IRN", null)).isEmpty();
        assertThat(embargo(UN_IRAN, null, Instant.parse("2010-06-20T00:00:00Z"))).as("before the retraction")
                .isNotNull();
    }

    @Test
    void aCancelledDealLinksTheEmbargoItCites() {
        feed.publish(imposed(UN_IRAN, "QUN", List.of("IRN"), "2010-06-09", null, "2010-06-10T00:00:00Z"),
                new SaleReported("rus-irn-s300", "RUS", "IRN", List.of(DealItem.of("S-300PMU1", "SAM system", 4)),
                        DealStage.CONTRACTED, date("2007-12"), null, List.of(), at("2008-01-01T00:00:00Z")));
        feed.publish(new DealCancelled("rus-irn-s300", date("2010-09-22"), "decree barring the delivery",
                at("2010-09-23T00:00:00Z"), UN_IRAN));

        JsonNode deal = readers.deals.fetch(new FetchDeal("rus-irn-s300", null, null)).map(EventFeed::asSent)
                .orElseThrow();
        assertThat(deal.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(deal.path("statusEmbargoId").asText()).isEqualTo(UN_IRAN);
        JsonNode before = readers.deals.fetch(new FetchDeal("rus-irn-s300", LocalDate.parse("2010-09-01"), null))
                .map(EventFeed::asSent).orElseThrow();
        assertThat(before.path("statusEmbargoId").asText(null)).isNull();
    }

    private List<String> ids(FetchEmbargoes query) {
        List<String> ids = new java.util.ArrayList<>();
        EventFeed.asSent(readers.embargoes.fetch(query)).path("items").forEach(e -> ids.add(e.path("embargoId")
                .asText()));
        return ids;
    }
}
