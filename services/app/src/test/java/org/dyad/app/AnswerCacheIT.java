package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relationships, partners and deal lists are kept until records naming their actors change, and never answered from
 * before such a change.
 */
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
        double kept = meter("cache_size{", "");

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
        assertThat(meter("cache_size{", "")).as("the answer from before the change is let go").isEqualTo(kept);
        assertThat(changed.path("estimateTotals").get(0).path("high").decimalValue())
                .as("the new estimate counts").isNotEqualByComparingTo(
                        first.path("estimateTotals").get(0).path("high").decimalValue());
        assertThat(get("/api/v1/deals?status=ALL&supplier=EST&recipient=FIN").getBody().path("items").findValues(
                "dealId").stream().map(JsonNode::asText)).contains(dealId);
    }

    @Test
    void anAnswerAboutOnePairIsKeptWhileOtherPairsChange() {
        String token = post("/api/v1/deals", dealReport(uniqueId("kept"), "SVN", "HRV", 500_000_000L)).getBody()
                .path("consistencyToken").asText();
        String relationship = "/api/v1/relationships/HRV/SVN";
        String partners = "/api/v1/relationships?party=SVN";
        JsonNode pair = get(relationship + "?waitFor=" + token).getBody();
        JsonNode partnersOfSvn = get(partners).getBody();

        String elsewhere = post("/api/v1/deals", dealReport(uniqueId("elsewhere"), "AUT", "CHE", 700_000_000L))
                .getBody().path("consistencyToken").asText();
        double hits = gets("hit");
        assertThat(get(relationship + "?waitFor=" + elsewhere).getBody()).isEqualTo(pair);
        assertThat(get(partners).getBody()).isEqualTo(partnersOfSvn);
        assertThat(gets("hit")).as("both kept through another pair's change").isEqualTo(hits + 2);

        String again = post("/api/v1/deals", dealReport(uniqueId("again"), "HRV", "SVN", 900_000_000L)).getBody()
                .path("consistencyToken").asText();
        assertThat(get(relationship + "?waitFor=" + again).getBody().path("deals")).as("a change to the pair")
                .hasSize(2);
        assertThat(get(partners).getBody().path("items").get(0).path("deals").asInt()).isEqualTo(2);
    }

    @Test
    void aDealSupersededInAnotherPairShowsOnTheDealThatSupersededIt() {
        String old = uniqueId("old");
        String replacement = uniqueId("replacement");
        post("/api/v1/deals", dealReport(old, "ROU", "BGR", 300_000_000L));
        String token = post("/api/v1/deals", dealReport(replacement, "ROU", "MDA", 400_000_000L)).getBody()
                .path("consistencyToken").asText();
        String relationship = "/api/v1/relationships/MDA/ROU";
        String deals = "/api/v1/deals?status=ALL&recipient=MDA";
        assertThat(get(relationship + "?waitFor=" + token).getBody().path("deals").get(0).path("supersedes"))
                .isEmpty();
        assertThat(get(deals).getBody().path("items").get(0).path("supersedes")).isEmpty();

        String waitFor = "waitFor=" + ok(post("/api/v1/deals/" + old + "/supersession", """
                {"on": "2002", "supersededBy": "%s", %s}""".formatted(replacement, SIPRI_SOURCE)));
        assertThat(get(relationship + "?" + waitFor).getBody().path("deals").get(0).path("supersedes").toString())
                .as("the other pair's answer changes too").isEqualTo("[\"" + old + "\"]");
        assertThat(get(deals + "&" + waitFor).getBody().path("items").get(0).path("supersedes").toString())
                .isEqualTo("[\"" + old + "\"]");
    }

    @Test
    void aLargeKeptAnswerIsSentCompressedToClientsThatAcceptGzip() throws Exception {
        String token = null;
        for (int d = 0; d < 3; d++) {
            token = ok(post("/api/v1/deals", dealReport(uniqueId("zipped"), "LVA", "LTU", 100_000_000L * (d + 1))));
        }
        String relationship = http.getRootUri() + "/api/v1/relationships/LTU/LVA";
        HttpResponse<byte[]> plain = fetch(relationship + "?waitFor=" + token, null);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).as("large enough to be compressed").isGreaterThan(2048);

        HttpResponse<byte[]> zipped = fetch(relationship, "deflate, gzip;q=0.8");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary")).contains("Accept-Encoding");
        assertThat(zipped.headers().firstValue("Dyad-Consistent")).hasValue("true");
        assertThat(zipped.headers().firstValueAsLong("Content-Length")).hasValue(zipped.body().length);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(zipped.body().length).as("compressed").isLessThan(plain.body().length / 2);
        assertThat(json.readTree(unzipped)).isEqualTo(json.readTree(plain.body()));

        assertThat(fetch(relationship, "gzip;q=0").headers().firstValue("Content-Encoding"))
                .as("refused by the client").isEmpty();
    }

    private HttpResponse<byte[]> fetch(String url, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", ADMIN_AUTHORIZATION);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
