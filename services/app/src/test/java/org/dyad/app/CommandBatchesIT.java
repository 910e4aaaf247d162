package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/batches}: many commands recorded together through the command endpoints they name, all or
 * none, with a receipt per command, the batch's {@code Idempotency-Key}, and the command endpoints' role.
 */
class CommandBatchesIT extends DyadIntegrationTest {

    private static final String BATCHES = "/api/v1/batches";
    private static final String UN = """
            "source": {"publisher": "United Nations", "title": "Security Council resolution 1929 (2010)",
                       "publishedOn": "2010-06-09"}, "grade": "A1\"""";

    private ObjectNode command(String path, String body) {
        return command(path, null, body);
    }

    private ObjectNode command(String path, String ifMatch, String body) {
        try {
            ObjectNode command = json.createObjectNode();
            command.put("path", path);
            if (ifMatch != null) {
                command.put("ifMatch", ifMatch);
            }
            command.set("body", json.readTree(body));
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String embargo(String id) {
        return """
                {"id": "%s", "imposedBy": "QUN", "targets": ["IRN"], "from": "2010-06-09", "measures": ["ARMS"],
                 "categories": ["MISSILES"], "scope": "missiles", "legalBasis": "resolution 1929", %s}"""
                .formatted(id, UN);
    }

    private ResponseEntity<JsonNode> send(TestRestTemplate client, String idempotencyKey, ObjectNode... commands) {
        ObjectNode batch = json.createObjectNode();
        ArrayNode list = batch.putArray("commands");
        for (ObjectNode command : commands) {
            list.add(command);
        }
        return send(client, idempotencyKey, batch.toString());
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate client, String idempotencyKey, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return client.postForEntity(BATCHES, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private TestRestTemplate analyst() {
        return as("analyst", "analyst-local");
    }

    /** Whether the event store holds record {@code id}: a change to it is refused as unknown if not. */
    private boolean onRecord(String dealId) {
        return post("/api/v1/deals/" + dealId + "/estimates", org.dyad.app.process.DyadClient.estimate(5))
                .getStatusCode().value() != 404;
    }

    @Test
    void aMixedBatchRecordsEveryCommandInOrderEachWithTheReceiptItsEndpointGives() {
        String earlier = uniqueId("s300");
        ok(post("/api/v1/deals", dealReport(earlier, "RUS", "IRN", 800_000_000L)));
        String deal = uniqueId("tor");
        String embargo = uniqueId("unsc");
        String cancelled = uniqueId("yakhont");
        long headBefore = storeHead();

        ResponseEntity<JsonNode> answer = send(analyst(), null,
                command("/api/v1/deals", dealReport(deal, "RUS", "IRN", 700_000_000L)),
                command("/api/v1/deals/" + deal + "/negotiation", org.dyad.app.process.DyadClient.negotiation()),
                command("/api/v1/embargoes", embargo(embargo)),
                command("/api/v1/deals", dealReport(cancelled, "RUS", "SYR", 300_000_000L)),
                command("/api/v1/deals/" + cancelled + "/cancellation", """
                        {"on": "2010-09-22", "reason": "decree barring the delivery", "embargoId": "%s", %s}"""
                        .formatted(embargo, UN)),
                command("/api/v1/deals/" + earlier + "/estimates", "\"0\"",
                        org.dyad.app.process.DyadClient.estimate(900_000_000L)));

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        JsonNode results = answer.getBody().path("results");
        assertThat(results).hasSize(6);
        assertThat(ids(results, "index")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(ids(results, "status")).containsExactly("201", "200", "201", "201", "200", "200");
        assertThat(ids(results, "id")).containsExactly(deal, deal, embargo, cancelled, cancelled, earlier);
        assertThat(ids(results, "version")).containsExactly("0", "1", "0", "0", "1", "1");
        assertThat(results.get(1).path("location").asText()).isEqualTo("/api/v1/deals/" + deal);
        assertThat(results.get(5).path("consistencyToken").asText()).isEqualTo(earlier + "@1");
        long previous = headBefore;
        for (JsonNode result : results) {
            assertThat(result.path("position").asLong()).as("positions in the order of the commands")
                    .isGreaterThan(previous);
            previous = result.path("position").asLong();
        }
        assertThat(storeHead()).as("one event per command").isEqualTo(previous);

        JsonNode negotiating = getConsistent("/api/v1/deals/" + deal, results.get(1).path("consistencyToken")
                .asText()).getBody();
        assertThat(negotiating.toString()).contains("NEGOTIATING");
        JsonNode cancelledDeal = getConsistent("/api/v1/deals/" + cancelled, results.get(4)
                .path("consistencyToken").asText()).getBody();
        assertThat(cancelledDeal.toString()).contains(embargo);
    }

    @Test
    void aCommandTheRulesRefuseRecordsNothingAndTheProblemNamesIt() {
        String deal = uniqueId("s400");
        long headBefore = storeHead();

        ResponseEntity<JsonNode> refused = send(analyst(), null,
                command("/api/v1/deals", dealReport(deal, "RUS", "IRN", 1L)),
                command("/api/v1/deals/" + deal + "/negotiation", org.dyad.app.process.DyadClient.negotiation()),
                command("/api/v1/deals/" + deal + "/negotiation", org.dyad.app.process.DyadClient.negotiation()));

        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("detail").asText()).startsWith("commands[2]");
        assertThat(refused.getBody().toString()).contains("\"commands[2]\"");
        assertThat(storeHead()).as("nothing recorded").isEqualTo(headBefore);
        assertThat(onRecord(deal)).as("the batch's first deal").isFalse();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSentNamingEachCommandAndField() {
        String deal = uniqueId("s500");
        long headBefore = storeHead();

        ResponseEntity<JsonNode> refused = send(analyst(), null,
                command("/api/v1/deals", dealReport(deal, "RUS", "IRN", 1L)),
                command("/api/v1/deals", dealReport(uniqueId("x"), "RUS", "IRN", 1L).replace("\"RUS\"", "null")),
                command("/api/v1/nowhere", "{}"));

        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        assertThat(refused.getBody().path("detail").asText()).startsWith("commands[1].body.supplier");
        assertThat(refused.getBody().toString()).contains("commands[2].path");
        assertThat(storeHead()).isEqualTo(headBefore);
        assertThat(onRecord(deal)).isFalse();

        ObjectNode[] tooMany = new ObjectNode[1001];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = command("/api/v1/deals", dealReport(uniqueId("many"), "RUS", "IRN", 1L));
        }
        ResponseEntity<JsonNode> tooLarge = send(analyst(), null, tooMany);
        assertThat(tooLarge.getStatusCode().value()).as(String.valueOf(tooLarge.getBody())).isIn(400, 413);
        assertThat(send(analyst(), null, "{\"commands\": []}").getBody().toString()).contains("\"commands\"");
        assertThat(storeHead()).isEqualTo(headBefore);
    }

    @Test
    void aRetriedBatchWithTheSameKeyAnswersTheFirstAnswerAndRecordsNothingNew() {
        String key = UUID.randomUUID().toString();
        ObjectNode report = command("/api/v1/deals", dealReport(uniqueId("kh31"), "RUS", "IND", 1L));
        ObjectNode another = command("/api/v1/deals", dealReport(uniqueId("kh35"), "RUS", "IND", 1L));

        ResponseEntity<JsonNode> first = send(analyst(), key, report, another);
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(200);
        long head = storeHead();
        ResponseEntity<JsonNode> retried = send(analyst(), key, report, another);

        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.getBody()).isEqualTo(first.getBody());
        assertThat(storeHead()).isEqualTo(head);
        assertThat(send(analyst(), key, report).getStatusCode().value()).as("the key names another batch")
                .isEqualTo(422);
    }

    @Test
    void theCommandEndpointsRoleIsTheBatchsRole() {
        ObjectNode report = command("/api/v1/deals", dealReport(uniqueId("su30"), "RUS", "IND", 1L));
        assertThat(send(as(null, null), null, report).getStatusCode().value()).isEqualTo(401);
        assertThat(send(as("viewer", "viewer-local"), null, report).getStatusCode().value()).isEqualTo(403);
        assertThat(send(analyst(), null, report).getStatusCode().value()).isEqualTo(200);
    }
}
