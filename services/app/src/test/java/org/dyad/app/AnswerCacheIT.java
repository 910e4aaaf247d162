package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Relationships, partners and deal lists are kept until records naming their actors change, and never answered from
 * before such a change. Kept answers take the state they depend on from the views' change notifications, and from the
 * database when a reader waits for its own write or the notifications are lost.
 */
class AnswerCacheIT extends DyadIntegrationTest {

    @Autowired
    private DataSource dataSource;

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

    @Test
    void aLargeTimelinePageIsSentCompressedToClientsThatAcceptGzip() throws Exception {
        String token = null;
        for (int d = 0; d < 3; d++) {
            token = ok(post("/api/v1/deals",
                    dealReport(uniqueId("timeline"), "BEN", "TGO", 100_000_000L * (d + 1))));
        }
        String timeline = http.getRootUri() + "/api/v1/timeline?parties=TGO,BEN";
        HttpResponse<byte[]> plain = fetch(timeline + "&waitFor=" + token, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().allValues("Vary")).contains("Accept-Encoding");
        assertThat(plain.body().length).as("large enough to be compressed").isGreaterThan(2048);
        JsonNode entries = json.readTree(plain.body());
        assertThat(entries.path("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(entries.path("sources").size()).as("sources named once").isPositive();
        assertThat(entries.path("actorNames").path("BEN").asText()).isEqualTo("Benin");

        HttpResponse<byte[]> zipped = fetch(timeline, "gzip, deflate, br");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary")).contains("Accept-Encoding");
        assertThat(zipped.headers().firstValue("Dyad-Consistent")).hasValue("true");
        assertThat(zipped.headers().firstValueAsLong("Content-Length")).hasValue(zipped.body().length);
        assertThat(zipped.body().length).as("compressed").isLessThan(plain.body().length / 2);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(json.readTree(unzipped)).isEqualTo(entries);

        assertThat(fetch(timeline, "identity").headers().firstValue("Content-Encoding")).as("not accepted").isEmpty();
        HttpResponse<byte[]> small = fetch(timeline + "&size=1", "gzip");
        assertThat(small.body().length).as("one entry").isLessThan(2048);
        assertThat(small.headers().firstValue("Content-Encoding")).as("too small to be compressed").isEmpty();
    }

    @Test
    void anAnswerAskedForIsComputedAgainAsSoonAsItsActorsChange() {
        String dealId = uniqueId("warmed");
        String token = ok(post("/api/v1/deals", dealReport(dealId, "MLI", "NER", 400_000_000L)));
        String relationship = "/api/v1/relationships/MLI/NER";
        JsonNode before = get(relationship + "?waitFor=" + token).getBody();
        awaitListening();
        get(relationship);

        double warmed = metric("dyad_views_answers_warmed_total");
        String changed = ok(post("/api/v1/deals/" + dealId + "/estimates", """
                {"estimate": {"amount": 9000000000, "currency": "USD", "qualifier": "COULD_REACH"},
                 "estimatedOn": "2019-06",
                 "source": {"publisher": "Defense News", "title": "Deal grows", "publishedOn": "2019-06-02"}}"""));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> metric("dyad_views_answers_warmed_total") > warmed);

        double hits = gets("hit");
        double misses = gets("miss");
        JsonNode after = get(relationship + "?waitFor=" + changed).getBody();
        assertThat(gets("hit")).as("the reader finds the answer computed after the change").isEqualTo(hits + 1);
        assertThat(gets("miss")).isEqualTo(misses);
        assertThat(after.path("estimateTotals").get(0).path("high").decimalValue())
                .as("it holds the change").isNotEqualByComparingTo(
                        before.path("estimateTotals").get(0).path("high").decimalValue());
    }

    /** Kept-answer lookups whose state came from the change notifications ("memory") or the database. */
    private double stateReads(String from) {
        return http.getForObject("/actuator/prometheus", String.class).lines()
                .filter(l -> l.startsWith("dyad_views_answer_state_total{") && l.contains("from=\"" + from + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitListening() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            double before = stateReads("memory");
            get("/api/v1/relationships?party=URY");
            return stateReads("memory") > before;
        });
    }

    /** A commit made outside this process's projection: another read instance's, as the database tells it. */
    private void changeRecordsNamingElsewhere(String actor) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("INSERT INTO views.actor_change AS c (actor, changes) VALUES (?, 1)"
                    + " ON CONFLICT (actor) DO UPDATE SET changes = c.changes + 1", actor);
            jdbc.update("UPDATE views.view_change SET changes = changes + 1");
        });
    }

    @Test
    void aKeptAnswerIsServedWithoutReadingTheChangeCountsFromTheDatabase() {
        String token = ok(post("/api/v1/deals", dealReport(uniqueId("notified"), "URY", "PRY", 200_000_000L)));
        String relationship = "/api/v1/relationships/PRY/URY";
        get(relationship + "?waitFor=" + token);
        awaitListening();

        double fromDatabase = stateReads("database");
        double fromMemory = stateReads("memory");
        double hits = gets("hit");
        for (int i = 0; i < 5; i++) {
            get(relationship);
        }
        assertThat(gets("hit")).isEqualTo(hits + 5);
        assertThat(stateReads("memory")).isEqualTo(fromMemory + 5);
        assertThat(stateReads("database")).as("no change counts read").isEqualTo(fromDatabase);

        double waitedHits = gets("hit");
        assertThat(get(relationship + "?waitFor=" + token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(gets("hit")).as("a reader of its own write, once the notifications have reached it, gets the"
                + " kept answer").isEqualTo(waitedHits + 1);
        assertThat(stateReads("database")).isEqualTo(fromDatabase);
    }

    @Test
    void aChangeCommittedElsewhereEndsTheAnswersAboutItsActorsOnly() {
        String token = ok(post("/api/v1/deals", dealReport(uniqueId("elsewhere"), "IRL", "PRT", 200_000_000L)));
        String pair = "/api/v1/relationships/IRL/PRT";
        String other = "/api/v1/relationships/PRY/URY";
        String otherToken = ok(post("/api/v1/deals", dealReport(uniqueId("other"), "URY", "PRY", 100_000_000L)));
        get(other + "?waitFor=" + otherToken);
        get(pair + "?waitFor=" + token);
        awaitListening();
        get(pair);
        get(other);

        double misses = gets("miss");
        changeRecordsNamingElsewhere("IRL");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            get(pair);
            assertThat(gets("miss")).as("the pair's answer computed anew").isGreaterThan(misses);
        });
        double hits = gets("hit");
        get(other);
        assertThat(gets("hit")).as("another pair's answer kept").isEqualTo(hits + 1);
    }

    @Test
    void aChangeWhoseNotificationIsMissedEndsEveryKeptAnswerWithinTheCheck() {
        String token = ok(post("/api/v1/deals", dealReport(uniqueId("missed"), "MAR", "CYP", 200_000_000L)));
        String pair = "/api/v1/relationships/CYP/MAR";
        get(pair + "?waitFor=" + token);
        awaitListening();
        get(pair);

        double lost = metric("dyad_views_change_notifications_lost_total");
        double misses = gets("miss");
        // a commit that sends no notification (its triggers off), as if the notification were lost
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update("UPDATE views.actor_change SET changes = changes + 1 WHERE actor = 'MAR'");
            jdbc.update("UPDATE views.view_change SET changes = changes + 1");
        });
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            get(pair);
            assertThat(gets("miss")).as("computed anew once the check finds the change").isGreaterThan(misses);
        });
        assertThat(metric("dyad_views_change_notifications_lost_total")).isGreaterThan(lost);
    }

    @Test
    void whenTheListeningConnectionIsLostEveryKeptAnswerIsComputedAnew() {
        String token = ok(post("/api/v1/deals", dealReport(uniqueId("lost"), "PRT", "MLT", 200_000_000L)));
        String pair = "/api/v1/relationships/MLT/PRT";
        get(pair + "?waitFor=" + token);
        awaitListening();
        get(pair);

        double lost = metric("dyad_views_change_notifications_lost_total");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'dyad-view-change-listener'", Boolean.class)).containsOnly(true);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> metric("dyad_views_change_notifications_lost_total") > lost);
        awaitListening();

        double misses = gets("miss");
        get(pair);
        assertThat(gets("miss")).as("computed anew: a change may have gone unnoticed").isEqualTo(misses + 1);
        double hits = gets("hit");
        get(pair);
        assertThat(gets("hit")).as("and kept again").isEqualTo(hits + 1);
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
