package org.dyad.views.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TIV by year of delivery, dependence and backlog over the worked example of docs/queries.md: Turkmenistan (TKM)
 * ordered 12 units from China in 2016 for 240 TIV and 8 units from Turkey in 2017 for 80 TIV; China delivered 4 in
 * 2018 and 6 over 2021-2022, Turkey 3 in 2019 and 3 in 2021. The deals are test facts.
 */
class AnalyticsMethodsTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-01-01");

    private static ObjectNode deal(String json) {
        return (ObjectNode) ViewDocumentsJson.read(json);
    }

    static final String CHINA = """
            {"dealId": "hq9", "supplier": "CHN", "recipient": "TKM", "stage": "DELIVERING", "status": "ACTIVE",
             "reportedOn": "2016", "contractedOn": "2016-05",
             "items": [{"designation": "HQ-9", "quantity": 12}],
             "deliveries": [{"deliveredOn": "2018", "spreadOver": [], "items": [{"designation": "HQ-9", "quantity": 4}]},
                            {"deliveredOn": "2021", "spreadOver": ["2021", "2022"],
                             "items": [{"designation": "HQ-9", "quantity": 6}]}],
             "expectedDeliveries": [{"statedOn": "2020", "dueBy": "2023", "quantity": 8},
                                    {"statedOn": "2023-02", "dueBy": "2025", "quantity": 1}],
             "latestEstimates": [
               {"estimate": {"amount": 240, "currency": "TIV", "basis": "TIV"}, "provenance": {"recordedAt": "2024-01-01T00:00:00Z"}},
               {"estimate": {"amount": 1200000000, "currency": "USD", "basis": "CURRENT"}, "provenance": {"recordedAt": "2024-01-01T00:00:00Z"}}]}""";

    static final String TURKEY = """
            {"dealId": "cobra", "supplier": "TUR", "recipient": "TKM", "stage": "DELIVERING", "status": "ACTIVE",
             "reportedOn": "2017",
             "items": [{"designation": "Cobra", "quantity": 8}],
             "deliveries": [{"deliveredOn": "2019", "items": [{"designation": "Cobra", "quantity": 3}]},
                            {"deliveredOn": "2021-04-02", "items": [{"designation": "Cobra", "quantity": 3}]}],
             "latestEstimates": [
               {"estimate": {"amount": 80, "currency": "TIV", "basis": "TIV"}, "provenance": {"recordedAt": "2024-01-01T00:00:00Z"}}]}""";

    private static DeliveredValue.Deal value(JsonNode deal) {
        JsonNode tiv = EstimateTotals.latest(deal, "TIV");
        return DeliveredValue.of(deal, EstimateTotals.high(tiv));
    }

    @Test
    void tivByDeliveryYearIsUnitsTimesTivPerUnitAndASpanIsSpreadEvenly() {
        DeliveredValue.Deal china = value(deal(CHINA));
        assertThat(china.tivPerUnit()).isEqualByComparingTo("20");
        assertThat(china.unitsDelivered()).isEqualByComparingTo("10");
        assertThat(china.years()).extracting(DeliveredValue.YearShare::year).containsExactly(2018, 2021, 2022);
        assertThat(china.years()).extracting(s -> s.tiv().stripTrailingZeros().toPlainString())
                .containsExactly("80", "60", "60");
        assertThat(china.years()).extracting(DeliveredValue.YearShare::basis).containsExactly(
                DeliveredValue.Basis.DELIVERED, DeliveredValue.Basis.SPREAD, DeliveredValue.Basis.SPREAD);
    }

    @Test
    void theRegistersTivPerUnitWinsAndACompletedDealWithoutDeliveriesCountsInItsYearOfCompletion() {
        ObjectNode registered = deal(TURKEY);
        registered.putObject("register").putObject("row").put("tivPerUnit", "12.5");
        assertThat(value(registered).years().get(0).tiv()).isEqualByComparingTo("37.5");

        ObjectNode completed = deal(TURKEY);
        completed.putArray("deliveries");
        completed.put("stage", "DELIVERED").put("deliveredOn", "2020-03");
        DeliveredValue.Deal whole = value(completed);
        assertThat(whole.years()).singleElement().satisfies(share -> {
            assertThat(share.year()).isEqualTo(2020);
            assertThat(share.tiv()).isEqualByComparingTo("80");
            assertThat(share.basis()).isEqualTo(DeliveredValue.Basis.COMPLETION);
        });
    }

    @Test
    void sharesAndTheHerfindahlHirschmanIndexPerFiveYearWindow() {
        List<Dependence.Delivered> delivered = new ArrayList<>();
        List<Dependence.Ordered> ordered = new ArrayList<>();
        for (String json : List.of(CHINA, TURKEY)) {
            JsonNode deal = deal(json);
            ordered.add(new Dependence.Ordered(deal.path("supplier").asText(),
                    Integer.parseInt(deal.path("reportedOn").asText())));
            value(deal).years().forEach(s -> delivered.add(new Dependence.Delivered(deal.path("supplier").asText(),
                    s.year(), s.units(), s.tiv(), s.basis() == DeliveredValue.Basis.SPREAD, null)));
        }
        JsonNode answer = Dependence.windows(delivered, ordered, 2016, 2022, 5);

        JsonNode first = answer.path("windows").get(0);
        assertThat(first.path("from").asInt()).isEqualTo(2016);
        assertThat(first.path("to").asInt()).isEqualTo(2019);
        assertThat(first.path("partial").asBoolean()).isTrue();
        assertThat(first.path("tiv").decimalValue()).isEqualByComparingTo("110");
        assertThat(first.path("hhi").asInt()).as("72.73% and 27.27%").isEqualTo(6033);
        assertThat(first.path("partners").get(0).path("partner").asText()).isEqualTo("CHN");
        assertThat(first.path("partners").get(0).path("tivShare").decimalValue()).isEqualByComparingTo("0.7273");
        assertThat(first.path("partners").get(0).path("dealShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(first.path("partners").get(1).path("units").decimalValue()).isEqualByComparingTo("3");

        JsonNode second = answer.path("windows").get(1);
        assertThat(second.path("from").asInt()).isEqualTo(2020);
        assertThat(second.path("to").asInt()).isEqualTo(2022);
        assertThat(second.path("hhi").asInt()).as("80% and 20%").isEqualTo(6800);
        assertThat(second.path("partners").get(0).path("spreadTiv").decimalValue()).isEqualByComparingTo("120");
        assertThat(second.path("deals").asInt()).as("no order in the window").isZero();

        assertThat(answer.path("trend").path("change").asInt()).isEqualTo(767);
        assertThat(answer.path("trend").path("direction").asText()).isEqualTo("more concentrated");
    }

    @Test
    void aSinglePartnerIsTenThousandAndAWindowWithoutTivHasNoIndex() {
        assertThat(Dependence.hhi(List.of(new BigDecimal("7")), new BigDecimal("7"))).isEqualTo(10_000);
        JsonNode answer = Dependence.windows(List.of(), List.of(new Dependence.Ordered("RUS", 2001)), 2000, 2004, 5);
        assertThat(answer.path("windows").get(0).path("hhi").isNull()).isTrue();
        assertThat(answer.path("trend").path("direction").isNull()).isTrue();
        assertThat(Dependence.windowStart(2019, 5)).isEqualTo(2015);
        assertThat(Dependence.windowStart(2020, 10)).isEqualTo(2020);
    }

    @Test
    void theBacklogIsOrderedMinusDeliveredWithTheLatestScheduleAndTheUnknownYearApart() {
        ObjectNode china = Backlog.of(deal(CHINA), TODAY);
        assertThat(china.path("unitsOutstanding").decimalValue()).isEqualByComparingTo("2");
        assertThat(china.path("tivOutstanding").decimalValue()).isEqualByComparingTo("40");
        assertThat(china.path("estimatesOutstanding").get(0).path("high").decimalValue())
                .as("2 of 12 units of $1.2 billion").isEqualByComparingTo("200000000");
        assertThat(china.path("estimatesOutstanding").get(0).path("proRata").asBoolean()).isTrue();
        assertThat(china.path("expected")).as("the schedule stated in 2023 replaces the one of 2020").hasSize(1);
        assertThat(china.path("expected").get(0).path("year").asInt()).isEqualTo(2025);
        assertThat(china.path("expected").get(0).path("units").asInt()).isEqualTo(1);
        assertThat(china.path("expected").get(0).path("imprecise").asBoolean()).as("a year only").isTrue();
        assertThat(china.path("expected").get(0).path("overdue").asBoolean()).isFalse();
        assertThat(china.path("unknownYear").path("units").asInt()).isEqualTo(1);

        ObjectNode turkey = Backlog.of(deal(TURKEY), TODAY);
        JsonNode totals = Backlog.totals(List.of(china, turkey));
        assertThat(totals.path("all").path("units").asInt()).isEqualTo(4);
        assertThat(totals.path("all").path("tiv").decimalValue()).isEqualByComparingTo("60");
        assertThat(totals.path("bySupplier").path("TUR").path("tiv").decimalValue()).isEqualByComparingTo("20");
        assertThat(totals.path("byExpectedYear").get(0).path("year").asInt()).isEqualTo(2025);
        assertThat(totals.path("byExpectedYear").get(0).path("tiv").decimalValue()).isEqualByComparingTo("20");
        assertThat(totals.path("unknownYear").path("units").asInt()).isEqualTo(3);
        assertThat(totals.path("unknownYear").path("tiv").decimalValue()).isEqualByComparingTo("40");
        assertThat(totals.path("unknownYear").path("deals").asInt()).isEqualTo(2);
    }

    @Test
    void onlyOrderedPendingDealsAreInTheBacklogAndAnExpectationWithoutQuantityTakesTheRest() {
        ObjectNode reported = deal(TURKEY).put("stage", "REPORTED");
        ObjectNode cancelled = deal(TURKEY).put("status", "CANCELLED");
        ObjectNode suspended = deal(TURKEY).put("status", "SUSPENDED");
        assertThat(Backlog.ordered(reported)).isFalse();
        assertThat(Backlog.ordered(cancelled)).isFalse();
        assertThat(Backlog.ordered(suspended)).isTrue();

        ObjectNode scheduled = deal(TURKEY);
        scheduled.putArray("expectedDeliveries").addObject().put("statedOn", "2022").put("dueBy", "2022-12-31");
        ObjectNode entry = Backlog.of(scheduled, TODAY);
        assertThat(entry.path("expected").get(0).path("units").asInt()).isEqualTo(2);
        assertThat(entry.path("expected").get(0).path("imprecise").asBoolean()).isFalse();
        assertThat(entry.path("expected").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(entry.path("unknownYear").path("units").asInt()).isZero();
    }

    /** Reads the fixtures' JSON. */
    private static final class ViewDocumentsJson {
        static JsonNode read(String json) {
            try {
                return DyadJson.mapper().readTree(json);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
