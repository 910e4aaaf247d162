package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Estimate totals a briefing can quote, through the API: per currency and basis over standing deals, a deal in each
 * currency it has a value in, a superseded order never added to its replacement, and value sorts within one currency.
 * The deals are invented for the rules (between two actors no other test uses): an order of 2001 for USD 1 bn,
 * replaced in 2003 by one for USD 1.2 bn that a second source gives as INR 55 bn; a deal for USD 300 m cancelled in
 * 2004; a deal without an estimate.
 */
class EstimateTotalsIT extends DyadIntegrationTest {

    private static final String PRESS = """
            "source": {"publisher": "Press agency", "title": "Order in rupees", "publishedOn": "2003-06-01"}""";

    private static String report(String id, String reportedOn, String estimate) {
        return """
                {"id": "%s", "supplier": "CZE", "recipient": "MNG",
                 "items": [{"designation": "L-39", "description": "jet trainer", "quantity": 6}],
                 "stage": "REPORTED", "reportedOn": "%s", %s %s}""".formatted(id, reportedOn,
                estimate == null ? "" : "\"estimate\": " + estimate + ",", SIPRI_SOURCE);
    }

    private static String usd(long amount) {
        return "{\"amount\": " + amount + ", \"currency\": \"USD\", \"qualifier\": \"ABOUT\"}";
    }

    private static List<String> totals(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.path("estimateTotals").forEach(t -> rows.add(t.path("currency").asText() + " "
                + t.path("basis").asText() + " " + t.path("unit").asText() + " deals=" + t.path("deals").asLong()
                + " without=" + t.path("dealsWithoutEstimate").asLong() + " "
                + t.path("high").decimalValue().toPlainString()));
        return rows;
    }

    @Test
    void totalsCountEachStandingDealOncePerCurrencyAndSortsStayInOneCurrency() {
        String first = uniqueId("order-2001");
        String second = uniqueId("order-2003");
        String cancelled = uniqueId("cancelled");
        String bare = uniqueId("bare");
        ok(post("/api/v1/deals", report(first, "2001-05", usd(1_000_000_000L))));
        ok(post("/api/v1/deals", report(second, "2003-02", usd(1_200_000_000L))));
        ok(post("/api/v1/deals/" + second + "/estimates", """
                {"estimate": {"amount": 55000000000, "currency": "INR", "qualifier": "ABOUT"}, "estimatedOn": "2003-06",
                 %s}""".formatted(PRESS)));
        ok(post("/api/v1/deals/" + first + "/supersession", """
                {"on": "2003-02", "supersededBy": "%s", %s}""".formatted(second, SIPRI_SOURCE)));
        ok(post("/api/v1/deals", report(cancelled, "2002", usd(300_000_000L))));
        ok(post("/api/v1/deals/" + cancelled + "/cancellation", """
                {"on": "2004-01-10", "reason": "funding withdrawn", %s}""".formatted(SIPRI_SOURCE)));
        String token = ok(post("/api/v1/deals", report(bare, "2004", null)));

        JsonNode now = getConsistent("/api/v1/relationships/MNG/CZE", token).getBody();
        assertThat(totals(now)).as("the replacement counts once, in both its currencies; the cancelled deal not")
                .containsExactly("INR CURRENT money deals=1 without=1 55000000000",
                        "USD CURRENT money deals=1 without=1 1200000000");
        assertThat(now.path("dealsNotTotalled").toString()).isEqualTo("{\"CANCELLED\":1,\"SUPERSEDED\":1}");
        assertThat(now.path("dealsTotal").asInt()).isEqualTo(4);

        JsonNode in2002 = get("/api/v1/relationships/MNG/CZE?asOf=2002-12-31").getBody();
        assertThat(totals(in2002)).as("before the replacement: the first order and the deal not yet cancelled")
                .containsExactly("USD CURRENT money deals=2 without=0 1300000000");
        JsonNode in2003 = get("/api/v1/relationships/MNG/CZE?asOf=2003-12-31").getBody();
        assertThat(totals(in2003)).as("the first order is superseded: never added to the order that replaced it")
                .containsExactly("INR CURRENT money deals=1 without=1 55000000000",
                        "USD CURRENT money deals=2 without=0 1500000000");
        JsonNode known = get("/api/v1/relationships/MNG/CZE?knownAt=" + java.time.Instant.now().plusSeconds(60))
                .getBody();
        assertThat(totals(known)).as("folded again from the events, the same totals").isEqualTo(totals(now));

        JsonNode list = get("/api/v1/deals?status=ALL&supplier=CZE&recipient=MNG").getBody();
        assertThat(totals(list)).as("a deal list totals the deals its filters match").isEqualTo(totals(now));
        assertThat(list.path("dealsNotTotalled")).isEqualTo(now.path("dealsNotTotalled"));

        JsonNode byUsd = get("/api/v1/deals?status=ALL&supplier=CZE&recipient=MNG&sort=value&currency=USD"
                + "&order=desc").getBody();
        assertThat(ids(byUsd.path("items"), "dealId")).as("by the value in USD; without one last")
                .containsExactly(second, first, cancelled, bare);
        JsonNode byInr = get("/api/v1/deals?status=ALL&supplier=CZE&recipient=MNG&sort=value&currency=INR"
                + "&order=asc").getBody();
        assertThat(ids(byInr.path("items"), "dealId").get(0)).isEqualTo(second);
        assertThat(ids(byInr.path("items"), "dealId").subList(1, 4)).as("no INR value: last, in either order")
                .containsExactlyInAnyOrder(first, cancelled, bare);

        ResponseEntity<JsonNode> unscoped = get("/api/v1/deals?status=ALL&supplier=CZE&sort=value");
        assertThat(unscoped.getStatusCode().value()).isEqualTo(400);
        assertThat(unscoped.getBody().path("type").asText())
                .isEqualTo("/problems/invalid-field");
        assertThat(unscoped.getBody().path("errors").get(0).path("field").asText()).isEqualTo("currency");
    }
}
