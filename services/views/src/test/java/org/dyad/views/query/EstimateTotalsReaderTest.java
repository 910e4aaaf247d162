package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * Estimate totals of a relationship and of a deal list, and the currency-scoped value sort. The deals are invented
 * for the rules they show, all RUS → IND:
 * <ul>
 * <li>{@code order1}: reported 2010, USD 1 bn; superseded by {@code order2} on 2012-03-01 (recorded 2012-04);</li>
 * <li>{@code order2}: reported 2012-03, USD 1.2 bn and INR 80 bn (SIPRI), then USD 1.5 bn (another source, recorded
 * 2013-05);</li>
 * <li>{@code dropped}: reported 2011, USD 300 m; cancelled 2014-02-01 (recorded 2014-02);</li>
 * <li>{@code bare}: reported 2013, no estimate;</li>
 * <li>{@code tivOnly}: reported 2009, TIV 500.</li>
 * </ul>
 */
class EstimateTotalsReaderTest {

    private static final Source PRESS = new Source("Press agency", "Report on the order", null,
            PartialDate.parse("2013"), null, "en");
    /** After every fact was recorded: an answer "as known at" it folds the deals again instead of reading rows. */
    private static final Instant KNOWN_NOW = Instant.parse("2030-01-01T00:00:00Z");

    private Readers readers;

    @BeforeEach
    void world() {
        ViewsDatabase database = ViewsDatabase.get();
        database.clear();
        EventFeed feed = new EventFeed(database);
        feed.publish(sale("tivOnly", "2009", List.of(amount(500, "TIV")), "2009-06-01T00:00:00Z"),
                sale("order1", "2010", List.of(amount(1_000_000_000L, "USD")), "2010-02-01T00:00:00Z"),
                sale("dropped", "2011", List.of(amount(300_000_000L, "USD")), "2011-02-01T00:00:00Z"),
                sale("order2", "2012-03", List.of(amount(1_200_000_000L, "USD"), amount(80_000_000_000L, "INR")),
                        "2012-04-01T00:00:00Z"),
                new DealSuperseded("order1", date("2012-03-01"), "order2", at("2012-04-02T00:00:00Z")),
                sale("bare", "2013", List.of(), "2013-02-01T00:00:00Z"),
                new EstimateRecorded("order2", amount(1_500_000_000L, "USD"), date("2013-05"),
                        new Provenance(PRESS, null, Instant.parse("2013-05-02T00:00:00Z"), "analyst")),
                new DealCancelled("dropped", date("2014-02-01"), "funding withdrawn", at("2014-02-02T00:00:00Z")));
        readers = new Readers(database);
    }

    @Test
    void aDealCountsInEveryCurrencyItHasAnEstimateInAndOnlyStandingDealsCount() {
        JsonNode pair = relationship(null, null);
        assertThat(totals(pair)).containsExactly(
                "INR CURRENT money deals=1 without=2 80000000000..80000000000",
                "USD CURRENT money deals=1 without=2 1500000000..1500000000",
                "TIV TIV TIV deals=1 without=2 500..500");
        assertThat(pair.path("dealsNotTotalled").toString()).isEqualTo("{\"CANCELLED\":1,\"SUPERSEDED\":1}");
        assertThat(pair.path("dealsTotal").asInt()).as("every deal is still listed and counted").isEqualTo(5);
    }

    @Test
    void asOfADateTheDealsStandingThenCount() {
        JsonNode in2011 = relationship(LocalDate.parse("2011-06-01"), null);
        assertThat(totals(in2011)).containsExactly(
                "USD CURRENT money deals=2 without=1 1300000000..1300000000",
                "TIV TIV TIV deals=1 without=2 500..500");
        assertThat(in2011.path("dealsNotTotalled").toString()).isEqualTo("{}");

        JsonNode in2012 = relationship(LocalDate.parse("2012-06-01"), null);
        assertThat(totals(in2012)).as("order2 replaced order1: one purchase, counted once").containsExactly(
                "INR CURRENT money deals=1 without=2 80000000000..80000000000",
                "USD CURRENT money deals=2 without=1 1500000000..1500000000",
                "TIV TIV TIV deals=1 without=2 500..500");
        assertThat(in2012.path("dealsNotTotalled").toString()).isEqualTo("{\"SUPERSEDED\":1}");
    }

    @Test
    void asKnownAtAnInstantOnlyWhatWasRecordedByThenCounts() {
        JsonNode known = relationship(null, Instant.parse("2012-04-01T12:00:00Z"));
        assertThat(totals(known)).as("the supersession was not recorded yet").containsExactly(
                "INR CURRENT money deals=1 without=3 80000000000..80000000000",
                "USD CURRENT money deals=3 without=1 2500000000..2500000000",
                "TIV TIV TIV deals=1 without=3 500..500");
    }

    @Test
    void storedRowsAndFoldedDocumentsAnswerTheSameTotals() {
        for (LocalDate asOf : new LocalDate[]{null, LocalDate.parse("2011-06-01"), LocalDate.parse("2012-06-01")}) {
            JsonNode stored = relationship(asOf, null);
            JsonNode folded = relationship(asOf, KNOWN_NOW);
            assertThat(totals(folded)).as("as of " + asOf).isEqualTo(totals(stored));
            assertThat(folded.path("dealsNotTotalled")).as("as of " + asOf).isEqualTo(stored.path("dealsNotTotalled"));

            JsonNode list = deals("ALL", "reportedOn", null, asOf, null);
            assertThat(totals(list)).as("the deal list as of " + asOf).isEqualTo(totals(stored));
            assertThat(list.path("dealsNotTotalled")).isEqualTo(stored.path("dealsNotTotalled"));
        }
        assertThat(totals(deals("ALL", "reportedOn", null, null, KNOWN_NOW)))
                .isEqualTo(totals(relationship(null, null)));
    }

    @Test
    void aProfileTotalsEachSideAsTheRelationshipDoes() {
        JsonNode profile = EventFeed.asSent(readers.profiles.fetch(new FetchActorProfile("IND", null, null)));
        JsonNode relationship = relationship(null, null);
        assertThat(totals(profile.path("asRecipient"))).isEqualTo(totals(relationship));
        assertThat(profile.path("asRecipient").path("dealsNotTotalled"))
                .isEqualTo(relationship.path("dealsNotTotalled"));
    }

    @Test
    void theOverviewSumsTheValuesOfStandingDealsOnly() {
        for (Instant knownAt : new Instant[]{null, KNOWN_NOW}) {
            JsonNode overview = EventFeed.asSent(readers.overview.fetch(new FetchOverview(null, knownAt, 25)));
            List<String> years = new ArrayList<>();
            overview.path("byYear").forEach(y -> years.add(y.path("year").asInt() + ": deals "
                    + y.path("deals").asInt() + ", usd " + y.path("usd").decimalValue().toPlainString() + ", tiv "
                    + y.path("tivOrdered").decimalValue().toPlainString()));
            // the TIV ordered, by year reported (the overview's tiv counts by year of delivery)
            assertThat(years).as("known at " + knownAt).containsExactly("2009: deals 1, usd 0, tiv 500",
                    "2010: deals 1, usd 0, tiv 0", "2011: deals 1, usd 0, tiv 0",
                    "2012: deals 1, usd 1500000000, tiv 0", "2013: deals 1, usd 0, tiv 0");
        }
    }

    @Test
    void aDealListTotalsTheDealsItsFiltersMatch() {
        JsonNode pending = deals("PENDING", "reportedOn", null, null, null);
        assertThat(totals(pending)).containsExactly(
                "INR CURRENT money deals=1 without=2 80000000000..80000000000",
                "USD CURRENT money deals=1 without=2 1500000000..1500000000",
                "TIV TIV TIV deals=1 without=2 500..500");
        assertThat(pending.path("dealsNotTotalled").toString()).isEqualTo("{}");
        JsonNode cancelled = deals("CANCELLED", "reportedOn", null, null, null);
        assertThat(cancelled.path("estimateTotals")).isEmpty();
        assertThat(cancelled.path("dealsNotTotalled").toString()).isEqualTo("{\"CANCELLED\":1}");
    }

    @Test
    void valuesSortWithinOneCurrencyAndDealsWithoutAValueInItComeLast() {
        for (Instant knownAt : new Instant[]{null, KNOWN_NOW}) {
            assertThat(ids(deals("ALL", "value", "USD", null, knownAt, true))).as("known at " + knownAt)
                    .containsExactly("order2", "order1", "dropped", "bare", "tivOnly");
            assertThat(ids(deals("ALL", "value", "USD", null, knownAt, false))).as("known at " + knownAt)
                    .containsExactly("dropped", "order1", "order2", "bare", "tivOnly");
            assertThat(ids(deals("ALL", "value", "INR", null, knownAt, true))).as("known at " + knownAt)
                    .startsWith("order2").hasSize(5);
            assertThat(ids(deals("ALL", "value", "TIV", null, knownAt, true))).as("known at " + knownAt)
                    .startsWith("tivOnly").hasSize(5);
        }
    }

    @Test
    void aValueFilterReadsTheDealsValueInItsCurrency() {
        for (Instant knownAt : new Instant[]{null, KNOWN_NOW}) {
            JsonNode overBillion = EventFeed.asSent(readers.deals.fetch(new FetchDeals("ALL", null, null, null,
                    null, BigDecimal.valueOf(1_100_000_000L), null, "USD", "reportedOn", false, 0, 10, null,
                    knownAt)));
            assertThat(ids(overBillion)).as("order2 also has an INR estimate, recorded with its first USD one")
                    .containsExactly("order2");
        }
    }

    @Test
    void dealsStoredBeforeTheEstimateColumnsAreFilledAsTheViewsWriteThem() throws Exception {
        ViewsDatabase database = ViewsDatabase.get();
        String written = storedEstimates(database);
        assertThat(written).contains("INR", "TIV");
        String migration = new String(getClass().getResourceAsStream("/db/views/V15__estimates_per_currency.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        String fill = migration.substring(migration.indexOf("CREATE OR REPLACE FUNCTION"));
        database.transaction().executeWithoutResult(status -> {
            database.jdbc().execute("SET LOCAL search_path TO views");
            database.jdbc().execute("UPDATE deal SET estimates = '[]', values_by_currency = '{}';"
                    + " UPDATE deal_state SET estimates = '[]'");
            database.jdbc().execute(fill);
        });
        assertThat(storedEstimates(database)).isEqualTo(written);
    }

    /** Every stored deal's and state's estimate columns, in one text. */
    private static String storedEstimates(ViewsDatabase database) {
        return String.join("\n", database.jdbc().queryForList("""
                SELECT deal_id || ' ' || CAST(estimates AS text) || ' ' || CAST(values_by_currency AS text)
                FROM views.deal
                UNION ALL
                SELECT deal_id || ' ' || coalesce(CAST(valid_from AS text), '-') || ' ' || CAST(estimates AS text)
                FROM views.deal_state
                ORDER BY 1""", String.class));
    }

    private JsonNode relationship(LocalDate asOf, Instant knownAt) {
        return EventFeed.asSent(readers.relationships.fetch(new FetchRelationship("RUS", "IND", asOf, knownAt, 0,
                10)));
    }

    private JsonNode deals(String status, String sort, String currency, LocalDate asOf, Instant knownAt) {
        return deals(status, sort, currency, asOf, knownAt, true);
    }

    private JsonNode deals(String status, String sort, String currency, LocalDate asOf, Instant knownAt,
                           boolean descending) {
        return EventFeed.asSent(readers.deals.fetch(new FetchDeals(status, "RUS", null, null, null, null, null,
                currency, sort, descending, 0, 10, asOf, knownAt)));
    }

    private static List<String> totals(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.path("estimateTotals").forEach(t -> rows.add(t.path("currency").asText() + " "
                + t.path("basis").asText() + " " + t.path("unit").asText() + " deals=" + t.path("deals").asLong()
                + " without=" + t.path("dealsWithoutEstimate").asLong() + " "
                + t.path("low").decimalValue().toPlainString() + ".." + t.path("high").decimalValue().toPlainString()));
        return rows;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(d -> ids.add(d.path("dealId").asText()));
        return ids;
    }

    private static SaleReported sale(String id, String reportedOn, List<Estimate> estimates, String recordedAt) {
        return new SaleReported(id, "RUS", "IND", List.of(DealItem.of("Item " + id, null, 1)), DealStage.REPORTED,
                date(reportedOn), null, estimates, at(recordedAt));
    }

    private static Estimate amount(long amount, String currency) {
        return new Estimate(BigDecimal.valueOf(amount), null, null, currency, EstimateQualifier.ABOUT, null, null,
                null);
    }
}
