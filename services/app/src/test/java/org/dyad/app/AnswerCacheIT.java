package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Relationships and deal lists are kept until the views change, and never answered from before a change. */
class AnswerCacheIT extends DyadIntegrationTest {

    private double gets(String result) {
        return meter("cache_gets_total{", "result=\"" + result + "\"");
    }

    private double meter(String prefix, String label) {
        List<String> samples = http.getForObject("/actuator/prometheus", String.class).lines()
                .filter(l -> l.startsWith(prefix) && l.contains("cache=\"view_answers\"") && l.contains(label))
                .toList();
        assertThat(samples).as(prefix + label).isNotEmpty();
        return samples.stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anAnswerIsKeptUntilTheViewsChange() {
        String dealId = uniqueId("kept");
        String token = post("/api/v1/deals", dealReport(dealId, "EST", "FIN", 1_000_000_000L)).getBody()
                .path("consistencyToken").asText();
        String relationship = "/api/v1/relationships/EST/FIN";
        JsonNode first = get(relationship + "?waitFor=" + token).getBody();

        double hits = gets("hit");
        ResponseEntity<JsonNode> again = get(relationship);
        assertThat(again.getBody()).isEqualTo(first);
        assertThat(again.getHeaders().getFirst("Dyad-Consistent")).isEqualTo("true");
        assertThat(gets("hit")).as("the second read is the kept answer").isGreaterThan(hits);

        double misses = gets("miss");
        ResponseEntity<JsonNode> recorded = post("/api/v1/deals/" + dealId + "/estimates", """
                {"estimate": {"amount": 9000000000, "currency": "USD", "qualifier": "COULD_REACH"},
                 "estimatedOn": "2019-06",
                 "source": {"publisher": "Defense News", "title": "Deal grows", "publishedOn": "2019-06-02"}}""");
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode changed = get(relationship + "?waitFor=" + recorded.getBody().path("consistencyToken").asText())
                .getBody();
        assertThat(gets("miss")).as("a change makes a new answer").isGreaterThan(misses);
        assertThat(changed.path("estimateTotals").get(0).path("high").decimalValue())
                .as("the new estimate counts").isNotEqualByComparingTo(
                        first.path("estimateTotals").get(0).path("high").decimalValue());
        assertThat(get("/api/v1/deals?status=ALL&supplier=EST&recipient=FIN").getBody().path("items").findValues(
                "dealId").stream().map(JsonNode::asText)).contains(dealId);
        assertThat(meter("cache_size{", "")).as("answers from before the change are let go").isLessThanOrEqualTo(2);
    }
}
