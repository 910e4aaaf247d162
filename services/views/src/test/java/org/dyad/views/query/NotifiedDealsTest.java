package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.SaleNotification;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.SaleNotified;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * Sales notified to a legislature in the deal lists: stage NOTIFIED, their notification and age, counted and totalled
 * like reported deals, filtered by {@code NOTIFIED}, and absent before their notification. The case: DSCA
 * transmittal 20-23 (F-35 follow-on support for Korea, 2020-04-10, an estimated total cost of $675 million), beside
 * a reported deal and a notification dated only to its year.
 */
class NotifiedDealsTest extends ViewsTest {

    private static final String KOREA = "usa-kor-2020-f-35-follow-on-support";
    private static final Estimate CEILING = new Estimate(new BigDecimal("675000000"), null, null, "USD",
            EstimateQualifier.ESTIMATED_TOTAL_COST, null, null, "estimated total program cost");

    private void publishNotificationsAndAReport() {
        feed.publish(new SaleNotified(KOREA, "USA", "KOR", List.of(DealItem.of("F-35 follow-on support",
                        "sustainment", null)), date("2020-04-10"), new SaleNotification("20-23", "US Congress"),
                        List.of(CEILING), at("2020-04-11T00:00:00Z")),
                new SaleNotified("usa-kor-2019-notice", "USA", "KOR", List.of(DealItem.of("SM-3", "missile", 8)),
                        date("2019"), new SaleNotification("19-01", "US Congress"), List.of(),
                        at("2020-04-11T00:00:00Z")),
                new SaleReported("usa-kor-reported", "USA", "KOR", List.of(DealItem.of("AH-64E", "helicopter", 36)),
                        DealStage.REPORTED, date("2018-06"), null, List.of(), at("2020-04-11T00:00:00Z")));
    }

    private JsonNode deals(String status, LocalDate asOf, Instant knownAt) {
        return EventFeed.asSent(readers.deals.fetch(new FetchDeals(status, null, "KOR", null, null, null, null, "USD",
                "reportedOn", true, 0, 10, asOf, knownAt)));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(d -> ids.add(d.path("dealId").asText()));
        return ids;
    }

    private static JsonNode deal(JsonNode page, String id) {
        for (JsonNode d : page.path("items")) {
            if (d.path("dealId").asText().equals(id)) {
                return d;
            }
        }
        return null;
    }

    @Test
    void notifiedSalesArePendingWithTheirNotificationAndAge() {
        publishNotificationsAndAReport();
        for (Instant knownAt : new Instant[]{null, Instant.now()}) {
            JsonNode pending = deals("PENDING", null, knownAt);
            assertThat(ids(pending)).containsExactly(KOREA, "usa-kor-2019-notice", "usa-kor-reported");
            JsonNode korea = deal(pending, KOREA);
            assertThat(korea.path("stage").asText()).isEqualTo("NOTIFIED");
            assertThat(korea.path("notifiedOn").asText()).isEqualTo("2020-04-10");
            assertThat(korea.path("notification").path("number").asText()).isEqualTo("20-23");
            assertThat(korea.path("notification").path("notifiedTo").asText()).isEqualTo("US Congress");
            assertThat(korea.path("notificationAge").path("days").asLong())
                    .isEqualTo(ChronoUnit.DAYS.between(LocalDate.parse("2020-04-10"), LocalDate.now()));
            assertThat(deal(pending, "usa-kor-2019-notice").path("notificationAge").path("years").asLong())
                    .as("a date of a year counts whole years from its last day")
                    .isEqualTo(ChronoUnit.YEARS.between(LocalDate.parse("2019-12-31"), LocalDate.now()));
            assertThat(deal(pending, "usa-kor-reported").has("notificationAge")).isFalse();
            assertThat(pending.path("estimateTotals").toString()).as("totalled like a reported deal's estimate")
                    .contains("\"currency\":\"USD\"").contains("675000000");
        }
    }

    @Test
    void theNotifiedFilterListsOnlySalesStandingNotified() {
        publishNotificationsAndAReport();
        assertThat(ids(deals("NOTIFIED", null, null))).containsExactly(KOREA, "usa-kor-2019-notice");
        assertThat(ids(deals("REPORTED", null, null))).containsExactly("usa-kor-reported");

        feed.publish(new ContractConcluded(KOREA, date("2020-09-01"), null, at("2020-09-02T00:00:00Z")));

        assertThat(ids(deals("NOTIFIED", null, null))).as("contracted: no longer notified")
                .containsExactly("usa-kor-2019-notice");
        JsonNode contracted = deal(deals("PENDING", null, null), KOREA);
        assertThat(contracted.path("stage").asText()).isEqualTo("CONTRACTED");
        assertThat(contracted.has("notificationAge")).as("the age is of a sale standing notified").isFalse();
        assertThat(contracted.path("notification").path("number").asText()).as("the notification stays")
                .isEqualTo("20-23");
        JsonNode thenNotified = deals("NOTIFIED", LocalDate.parse("2020-06-30"), null);
        assertThat(ids(thenNotified)).as("as of before the contract").contains(KOREA);
        assertThat(deal(thenNotified, KOREA).path("notificationAge").path("days").asLong()).isEqualTo(81);
    }

    @Test
    void beforeItsNotificationASaleIsNotShown() {
        publishNotificationsAndAReport();
        assertThat(ids(deals("ALL", LocalDate.parse("2020-04-09"), null)))
                .containsExactly("usa-kor-2019-notice", "usa-kor-reported");
        assertThat(readers.deals.fetch(new FetchDeal(KOREA, LocalDate.parse("2020-04-09"), null))).isEmpty();
        assertThat(ids(deals("ALL", LocalDate.parse("2018-12-31"), null))).as("a year counts from its first day")
                .containsExactly("usa-kor-reported");
    }
}
