package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependence and backlog over HTTP, on the worked example of docs/queries.md: Turkmenistan (TKM) ordered 12 HQ-9
 * from China in 2016 for 240 TIV and 8 Cobra from Turkey in 2017 for 80 TIV; China delivered 4 in 2018 and 6 over
 * 2021-2022, Turkey 3 in 2019 (first recorded as 5, then corrected) and 3 in 2021. The deals are test facts; no other
 * test records deals with Turkmenistan.
 */
class AnalyticsIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}""";
    /** A second source: a source's latest estimate replaces its earlier ones, so the dollar value comes from another. */
    private static final String PRESS = """
            "source": {"publisher": "Jane's", "title": "HQ-9 for Turkmenistan", "publishedOn": "2016-06-01"},
            "grade": "B2\"""";

    private String delivery(String deal, String tranche) {
        return ok(post("/api/v1/deals/" + deal + "/deliveries", "{\"tranche\": " + tranche + ", " + SOURCE + "}"));
    }

    private static JsonNode partner(JsonNode window, String code) {
        for (JsonNode partner : window.path("partners")) {
            if (partner.path("partner").asText().equals(code)) {
                return partner;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode deal(JsonNode backlog, String id) {
        for (JsonNode deal : backlog.path("deals")) {
            if (deal.path("dealId").asText().equals(id)) {
                return deal;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void sharesIndexAndBacklogOfARecipientWithTwoSuppliersAsOfADateAndAsKnownAtAnInstant() {
        Instant beforeRecording = Instant.now();
        String hq9 = uniqueId("hq9");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "CHN", "recipient": "TKM", "stage": "CONTRACTED", "reportedOn": "2016-05",
                 "items": [{"designation": "HQ-9", "description": "SAM system", "quantity": 12}],
                 "estimate": {"amount": 240, "currency": "TIV", "qualifier": "EXACT"}, %s}""".formatted(hq9, SOURCE)));
        ok(post("/api/v1/deals/" + hq9 + "/estimates", """
                {"estimatedOn": "2016-05", "estimate": {"amount": 1200000000, "currency": "USD", "qualifier": "ABOUT"},
                 %s}""".formatted(PRESS)));
        delivery(hq9, "{\"deliveredOn\": \"2018\", \"items\": [{\"designation\": \"HQ-9\", \"quantity\": 4}]}");
        delivery(hq9, "{\"deliveredOn\": \"2021\", \"spreadOver\": [\"2021\", \"2022\"], "
                + "\"items\": [{\"designation\": \"HQ-9\", \"quantity\": 6}]}");
        ok(post("/api/v1/deals/" + hq9 + "/expected-deliveries", """
                {"statedOn": "2023-02", "dueBy": "2025", "designation": "HQ-9", "quantity": 1, %s}"""
                .formatted(SOURCE)));

        String cobra = uniqueId("cobra");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "TUR", "recipient": "TKM", "stage": "CONTRACTED", "reportedOn": "2017",
                 "items": [{"designation": "Cobra", "description": "APC", "quantity": 8}],
                 "estimate": {"amount": 80, "currency": "TIV", "qualifier": "EXACT"}, %s}""".formatted(cobra, SOURCE)));
        delivery(cobra, "{\"deliveredOn\": \"2019\", \"items\": [{\"designation\": \"Cobra\", \"quantity\": 5}]}");
        delivery(cobra, "{\"deliveredOn\": \"2021-04-02\", \"items\": [{\"designation\": \"Cobra\", \"quantity\": 3}]}");
        Instant beforeCorrection = Instant.now();
        String token = ok(post("/api/v1/records/" + cobra + "/corrections", """
                {"eventId": "%s", "reason": "three were delivered in 2019",
                 "changes": {"tranche": {"deliveredOn": "2019", "items": [{"designation": "Cobra", "quantity": 3}]}},
                 %s}""".formatted(eventIdOf(cobra, 1), SOURCE)));

        JsonNode now = getConsistent("/api/v1/analytics/dependence?recipient=TKM", token).getBody();
        assertThat(now.path("from").asInt()).isEqualTo(2016);
        assertThat(now.path("to").asInt()).isEqualTo(2022);
        assertThat(now.path("actorNames").path("TKM").asText()).isEqualTo("Turkmenistan");
        JsonNode first = now.path("windows").get(0);
        assertThat(first.path("from").asInt()).isEqualTo(2016);
        assertThat(first.path("to").asInt()).isEqualTo(2019);
        assertThat(first.path("tiv").decimalValue()).isEqualByComparingTo("110");
        assertThat(partner(first, "CHN").path("tivShare").decimalValue()).isEqualByComparingTo("0.7273");
        assertThat(partner(first, "TUR").path("tiv").decimalValue()).isEqualByComparingTo("30");
        assertThat(partner(first, "TUR").path("dealShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(first.path("hhi").asInt()).isEqualTo(6033);
        JsonNode second = now.path("windows").get(1);
        assertThat(second.path("hhi").asInt()).isEqualTo(6800);
        assertThat(partner(second, "CHN").path("spreadTiv").decimalValue()).isEqualByComparingTo("120");
        assertThat(now.path("trend").path("change").asInt()).isEqualTo(767);
        assertThat(now.path("trend").path("direction").asText()).isEqualTo("more concentrated");

        JsonNode knownBeforeCorrection = get("/api/v1/analytics/dependence?recipient=TKM&knownAt="
                + beforeCorrection).getBody();
        JsonNode uncorrected = knownBeforeCorrection.path("windows").get(0);
        assertThat(partner(uncorrected, "TUR").path("tiv").decimalValue()).as("5 units at 10").isEqualByComparingTo("50");
        assertThat(partner(uncorrected, "CHN").path("tivShare").decimalValue()).isEqualByComparingTo("0.6154");

        JsonNode beforeDeliveries = get("/api/v1/analytics/dependence?recipient=TKM&from=2016&to=2022"
                + "&asOf=2020-06-30").getBody();
        assertThat(beforeDeliveries.path("windows").get(0).path("hhi").asInt()).isEqualTo(6033);
        assertThat(beforeDeliveries.path("windows").get(1).path("tiv").decimalValue()).as("nothing delivered yet")
                .isEqualByComparingTo("0");
        assertThat(beforeDeliveries.path("windows").get(1).path("hhi").isNull()).isTrue();

        JsonNode bySupplier = get("/api/v1/analytics/dependence?supplier=CHN&from=2016&to=2019").getBody();
        assertThat(partner(bySupplier.path("windows").get(0), "TKM").path("tiv").decimalValue())
                .isEqualByComparingTo("80");

        JsonNode backlog = get("/api/v1/analytics/backlog?recipient=TKM").getBody();
        assertThat(backlog.path("totals").path("all").path("units").asInt()).isEqualTo(4);
        assertThat(backlog.path("totals").path("all").path("tiv").decimalValue()).isEqualByComparingTo("60");
        assertThat(backlog.path("totals").path("bySupplier").path("CHN").path("tiv").decimalValue())
                .isEqualByComparingTo("40");
        assertThat(backlog.path("totals").path("byExpectedYear").get(0).path("year").asInt()).isEqualTo(2025);
        assertThat(backlog.path("totals").path("byExpectedYear").get(0).path("units").asInt()).isEqualTo(1);
        assertThat(backlog.path("totals").path("unknownYear").path("units").asInt()).isEqualTo(3);
        assertThat(backlog.path("totals").path("unknownYear").path("tiv").decimalValue()).isEqualByComparingTo("40");
        assertThat(deal(backlog, hq9).path("estimatesOutstanding").get(0).path("high").decimalValue())
                .as("2 of 12 units of $1.2 billion").isEqualByComparingTo("200000000");
        assertThat(deal(backlog, hq9).path("expected").get(0).path("imprecise").asBoolean()).isTrue();

        JsonNode backlogThen = get("/api/v1/analytics/backlog?recipient=TKM&asOf=2020-06-30").getBody();
        assertThat(deal(backlogThen, hq9).path("unitsOutstanding").asInt()).isEqualTo(8);
        assertThat(deal(backlogThen, cobra).path("unitsOutstanding").asInt()).isEqualTo(5);
        assertThat(deal(backlogThen, hq9).path("expected")).as("not yet stated").isEmpty();
        JsonNode backlogUnknown = get("/api/v1/analytics/backlog?recipient=TKM&knownAt=" + beforeRecording).getBody();
        assertThat(backlogUnknown.path("deals")).isEmpty();
        JsonNode pair = get("/api/v1/analytics/backlog?supplier=TUR&recipient=TKM").getBody();
        assertThat(pair.path("deals")).hasSize(1);
        assertThat(pair.path("totals").path("all").path("tiv").decimalValue()).isEqualByComparingTo("20");
    }

    @Test
    void badQuestionsAreRefusedNamingTheParameter() {
        assertRefused("/api/v1/analytics/dependence?recipient=TKM&supplier=CHN", 400, "recipient");
        assertRefused("/api/v1/analytics/dependence", 400, "recipient");
        assertRefused("/api/v1/analytics/dependence?recipient=TKM&period=0", 400, "period");
        assertRefused("/api/v1/analytics/dependence?recipient=TKM&from=2020&to=2010", 400, "to");
        assertRefused("/api/v1/analytics/dependence?recipient=TKM&asOf=June", 400, "asOf");
        assertRefused("/api/v1/analytics/dependence?recipient=QQQ", 404, "recipient");
        assertRefused("/api/v1/analytics/backlog", 400, "supplier");
        assertRefused("/api/v1/analytics/backlog?supplier=tur", 400, "supplier");
    }

    private void assertRefused(String path, int status, String field) {
        JsonNode problem = get(path).getBody();
        assertThat(problem.path("status").asInt()).as(path + ": " + problem).isEqualTo(status);
        assertThat(problem.path("errors").get(0).path("field").asText()).as(path + ": " + problem).endsWith(field);
    }
}
