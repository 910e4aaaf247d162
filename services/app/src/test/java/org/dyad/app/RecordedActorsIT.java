package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actors recorded beside the shipped list, through HTTP: an analyst records a group, a deal names it, answers give its
 * name; a SIPRI release naming a group Dyad does not know records it (once, however often it is imported) instead
 * of refusing its rows; concurrent requests get distinct codes. A Dyad of its own, since the releases on record
 * decide which SIPRI files may be imported.
 */
@TestPropertySource(properties = "dyad.test.scenario=recorded-actors")
class RecordedActorsIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "Reuters", "title": "A new front on the coast", "publishedOn": "2024-05-02"},
            "grade": "B2\"""";

    private JdbcTemplate jdbc;

    @Autowired
    void jdbc(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private ResponseEntity<JsonNode> recordGroup(String name, String alias) {
        return post("/api/v1/actors", """
                {"name": "%s", "kind": "NON_STATE_GROUP", "aliases": ["%s"], "validFrom": "2019-01-01", %s}"""
                .formatted(name, alias, SOURCE));
    }

    @Test
    void aRecordedGroupIsKnownToDealsSearchesAndAnswers() {
        String name = uniqueId("Coast Front");
        ResponseEntity<JsonNode> recorded = recordGroup(name, name + " (Atlantis)*");
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = recorded.getBody().path("code").asText();
        assertThat(code).matches("X[A-Z]{2}");
        assertThat(recorded.getHeaders().getLocation()).hasToString("/api/v1/actors/" + code);
        assertThat(recorded.getBody().path("kind").asText()).isEqualTo("NON_STATE_GROUP");
        String actorToken = ok(recorded);

        String deal = uniqueId("coast-front-rpg");
        String dealToken = ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "IRN", "recipient": "%s", "stage": "DELIVERING", "reportedOn": "2024-05-02",
                 "items": [{"designation": "RPG-7", "description": "anti-tank rocket launcher", "quantity": 40}],
                 %s}""".formatted(deal, code, SOURCE)));

        JsonNode relationship = getConsistent("/api/v1/relationships/IRN/" + code, actorToken, dealToken).getBody();
        assertThat(ids(relationship.path("deals"), "dealId")).contains(deal);
        assertThat(relationship.path("actorNames").path(code).asText()).isEqualTo(name);
        assertThat(relationship.path("actorNames").path("IRN").asText()).isEqualTo("Iran");
        JsonNode dealAnswer = getConsistent("/api/v1/deals/" + deal, dealToken).getBody();
        assertThat(dealAnswer.path("actorNames").path(code).asText()).isEqualTo(name);

        JsonNode actor = get("/api/v1/actors/" + code).getBody();
        assertThat(actor.path("name").asText()).isEqualTo(name);
        JsonNode found = get("/api/v1/actors?q=" + name + " (Atlantis)*").getBody();
        assertThat(found.get(0).path("code").asText()).isEqualTo(code);
        assertThat(found.get(0).path("matched").asText()).isEqualTo(name + " (Atlantis)*");
        assertThat(found.get(0).path("historical").asBoolean()).isFalse();
        // the views keep it for an instance that starts apart from the ledger
        assertThat(jdbc.queryForObject("SELECT name FROM views.actor WHERE code = ?", String.class, code))
                .isEqualTo(name);
    }

    @Test
    void aNameAlreadyKnownIsRefusedNamingTheFieldAndWritesNothing() {
        long head = storeHead();
        ResponseEntity<JsonNode> taken = recordGroup("Hizballah", "Hizballah (Lebanon)");
        assertThat(taken.getStatusCode().value()).isIn(400, 422);
        assertThat(taken.getBody().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(taken.getBody().path("errors").get(0).path("reason").asText()).contains("XHZ");
        ResponseEntity<JsonNode> stateKind = post("/api/v1/actors", """
                {"name": "Fredonia", "kind": "STATE", %s}""".formatted(SOURCE));
        assertThat(stateKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> unnamed = post("/api/v1/actors", """
                {"kind": "NON_STATE_GROUP", %s}""".formatted(SOURCE));
        assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unnamed.getBody().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(storeHead()).isEqualTo(head);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        String name = uniqueId("Retry Front");
        String body = """
                {"name": "%s", "kind": "UNKNOWN", %s}""".formatted(name, SOURCE);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", uniqueId("actor"));
        ResponseEntity<JsonNode> first = http.postForEntity("/api/v1/actors", new HttpEntity<>(body, headers),
                JsonNode.class);
        ResponseEntity<JsonNode> again = http.postForEntity("/api/v1/actors", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().path("code")).isEqualTo(first.getBody().path("code"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger.recorded_actor WHERE name = ?", Integer.class,
                name)).isOne();
    }

    @Test
    void concurrentRequestsGetDistinctCodes() throws Exception {
        int requests = 6;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String name = uniqueId("Concurrent Front " + i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return recordGroup(name, name + "*");
            }, pool));
        }
        start.countDown();
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<ResponseEntity<JsonNode>> answer : answers) {
            ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
            codes.add(response.getBody().path("code").asText());
        }
        pool.shutdown();
        assertThat(codes).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).matches("X[A-Z]{2}"));
    }

    @Test
    void aSipriReleaseRecordsAnUnknownMarkedGroupOnceAndRefusesAnUnmarkedUnknownName() {
        byte[] file = releaseNaming("Free Coast Front (Atlantis)*", "Coastal League**", "Atlantis");
        JsonNode first = importSipri(file, "coast.csv");
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("DONE");
        JsonNode again = importSipri(file, "coast.csv");
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("DONE");

        assertThat(jdbc.queryForList("SELECT code FROM ledger.recorded_actor WHERE 'Free Coast Front (Atlantis)*'"
                + " = ANY (aliases)", String.class)).hasSize(1);
        JsonNode group = get("/api/v1/actors?q=Free Coast Front (Atlantis)*").getBody().get(0);
        assertThat(group.path("name").asText()).isEqualTo("Free Coast Front (Atlantis)");
        assertThat(group.path("kind").asText()).isEqualTo("NON_STATE_GROUP");
        assertThat(group.path("code").asText()).matches("X[A-Z]{2}");
        JsonNode league = get("/api/v1/actors?q=Coastal League").getBody().get(0);
        assertThat(league.path("kind").asText()).isEqualTo("INTERNATIONAL_ORGANISATION");
        assertThat(league.path("code").asText()).matches("Q[M-Z][A-Z]");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger.recorded_actor WHERE name = 'Coastal League'",
                Integer.class)).isOne();

        List<JsonNode> rows = new ArrayList<>();
        get("/api/v1/imports/" + first.path("id").asText() + "/rows?size=100").getBody().path("items")
                .forEach(rows::add);
        assertThat(rows).filteredOn(r -> r.path("outcome").asText().equals("IMPORTED")).hasSize(2);
        assertThat(rows).filteredOn(r -> r.path("outcome").asText().equals("REJECTED")).singleElement()
                .satisfies(r -> assertThat(r.path("reason").asText()).contains("unknown recipient name 'Atlantis'"));
        List<JsonNode> againRows = new ArrayList<>();
        get("/api/v1/imports/" + again.path("id").asText() + "/rows?size=100").getBody().path("items")
                .forEach(againRows::add);
        assertThat(againRows).filteredOn(r -> r.path("outcome").asText().equals("IMPORTED")).isEmpty();
    }

    /** SIPRI's preamble and header from the shared sample, and one row of it for each recipient. */
    private static byte[] releaseNaming(String... recipients) {
        List<String> lines = new String(sipriSample(), StandardCharsets.ISO_8859_1).lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("Recipient,Supplier")) {
            header++;
        }
        String houthiRow = lines.stream().filter(l -> l.startsWith("Houthi rebels (Yemen)*,")).findFirst()
                .orElseThrow();
        List<String> out = new ArrayList<>(lines.subList(0, header + 1));
        for (String recipient : recipients) {
            out.add(recipient + houthiRow.substring("Houthi rebels (Yemen)*".length()));
        }
        return (String.join("\r\n", out) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
