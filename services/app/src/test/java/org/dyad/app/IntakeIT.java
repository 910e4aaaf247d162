package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.ledger.intake.KnownDesignations;
import org.dyad.sipri.ReferenceDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake through the API, on the founding article (read from the shared reference directory at test time):
 * drafting records nothing; accepting records the chosen proposals, with the analyst's edits, through the command
 * path, in one transaction, with the draft's id on every event on the topic and in the views; a draft is accepted
 * once; bad input is refused with problem+json and writes nothing.
 */
// a Dyad of its own: the founding article's agreements are recorded by the seed case in the shared one
@TestPropertySource(properties = "dyad.test.scenario=intake")
class IntakeIT extends DyadIntegrationTest {

    private static final String DRAFTS = "/api/v1/intake/drafts";
    private static final String SOURCE = """
            {"publisher": "Los Angeles Times", "title": "Russia, Iran Reach Military, Economic Accords",
             "publishedOn": "2001-03-13", "language": "en"}""";

    @Autowired
    private KnownDesignations designationsOnRecord;

    private TestRestTemplate analyst() {
        return as("analyst", "analyst-local");
    }

    private static String foundingArticle() {
        try {
            return Files.readString(ReferenceDirectory.require("seed-article-2001-russia-iran.txt"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<JsonNode> send(TestRestTemplate client, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return client.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> draftFoundingArticle() throws IOException {
        ObjectNode request = json.createObjectNode();
        request.put("text", foundingArticle());
        request.set("source", json.readTree(SOURCE));
        ResponseEntity<JsonNode> drafted = send(analyst(), DRAFTS, json.writeValueAsString(request),
                MediaType.APPLICATION_JSON);
        assertThat(drafted.getStatusCode()).as(String.valueOf(drafted.getBody())).isEqualTo(HttpStatus.CREATED);
        return drafted;
    }

    private static JsonNode proposal(JsonNode draft, String command, String bodyPointer, String value) {
        for (JsonNode p : draft.path("proposals")) {
            if (p.path("command").asText().equals(command) && p.path("body").at(bodyPointer).asText().equals(value)) {
                return p;
            }
        }
        throw new AssertionError("no " + command + " with " + bodyPointer + " = " + value + " in " + draft);
    }

    /** How many drafts the ledger keeps (read from its table: the API lists none). */
    private long drafts() {
        return ledgerStorage.intakeDraftCount();
    }

    private void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String field, String reason) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("errors").toString()).contains("\"field\":\"" + field + "\"")
                .contains(reason);
    }

    @Test
    void theFoundingArticleIsDraftedReviewedAndRecordedWithTheDraftIdOnEveryEvent() throws IOException {
        long head = storeHead();
        ResponseEntity<JsonNode> drafted = draftFoundingArticle();
        JsonNode draft = drafted.getBody();
        String draftId = draft.path("id").asText();
        assertThat(drafted.getHeaders().getLocation()).hasToString(DRAFTS + "/" + draftId);
        assertThat(draft.path("status").asText()).isEqualTo("DRAFTED");
        assertThat(draft.path("createdBy").asText()).isEqualTo("analyst");
        assertThat(draft.path("kind").asText()).isEqualTo("NEWS_REPORT");
        assertThat(storeHead()).as("drafting records nothing").isEqualTo(head);

        JsonNode read = analyst().getForEntity(DRAFTS + "/" + draftId, JsonNode.class).getBody();
        assertThat(read.path("proposals")).isEqualTo(draft.path("proposals"));
        assertThat(read.path("text").asText()).isEqualTo(foundingArticle());

        JsonNode first = proposal(draft, "SignAgreement", "/id", "rus-irn-2001-1");
        JsonNode second = proposal(draft, "SignAgreement", "/id", "rus-irn-2001-2");
        JsonNode arms = proposal(draft, "ReportSale", "/id", "rus-irn-2001-sale-1");
        assertThat(arms.path("body").at("/estimate/amount").asLong()).isEqualTo(7_000_000_000L);
        ObjectNode editedArms = arms.path("body").deepCopy();
        ((ObjectNode) editedArms.path("estimate")).put("amount", 6_500_000_000L);

        ObjectNode acceptance = json.createObjectNode();
        ArrayNode accepted = acceptance.putArray("accepted");
        accepted.addObject().put("proposalId", first.path("id").asText());
        accepted.addObject().put("proposalId", second.path("id").asText());
        accepted.addObject().put("proposalId", arms.path("id").asText()).set("body", editedArms);
        ArrayNode rejected = acceptance.putArray("rejected");
        Set<String> chosen = Set.of(first.path("id").asText(), second.path("id").asText(), arms.path("id").asText());
        draft.path("proposals").forEach(p -> {
            if (!chosen.contains(p.path("id").asText())) {
                rejected.add(p.path("id").asText());
            }
        });

        ResponseEntity<JsonNode> answer = send(analyst(), DRAFTS + "/" + draftId + "/acceptances",
                json.writeValueAsString(acceptance), MediaType.APPLICATION_JSON);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode recorded = answer.getBody().path("acceptance");
        assertThat(answer.getBody().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(recorded.path("acceptedBy").asText()).isEqualTo("analyst");
        assertThat(ids(recorded.path("accepted"), "recordId"))
                .containsExactly("rus-irn-2001-1", "rus-irn-2001-2", "rus-irn-2001-sale-1");
        assertThat(ids(recorded.path("accepted"), "edited")).containsExactly("false", "false", "true");
        assertThat(recorded.path("rejected")).hasSize(rejected.size());
        assertThat(storeHead()).as("three commands, one event each").isEqualTo(head + 3);
        assertThat(ledgerStorage.idempotencyKeyCountStartingWith("intake:" + draftId + ":"))
                .as("an idempotency key per accepted proposal").isEqualTo(3);
        assertThat(analyst().getForEntity(DRAFTS + "/" + draftId, JsonNode.class).getBody().path("acceptance"))
                .isEqualTo(recorded);

        // on the topic: each event carries the draft id as a CloudEvents extension, and its proposal's quote
        publishedEventIds("rus-irn-2001-sale-1");
        Map<String, ConsumerRecord<String, byte[]>> onTopic = TopicRecords.readAll(bootstrapServers, topic).stream()
                .filter(r -> Set.of("rus-irn-2001-1", "rus-irn-2001-2", "rus-irn-2001-sale-1").contains(r.key()))
                .collect(Collectors.toMap(ConsumerRecord::key, r -> r));
        assertThat(onTopic).hasSize(3);
        for (JsonNode proposal : List.of(first, second, arms)) {
            ConsumerRecord<String, byte[]> record = onTopic.get(proposal.path("body").path("id").asText());
            assertThat(TopicRecords.header(record, "ce_dyaddraftid")).isEqualTo(draftId);
            JsonNode event = json.readTree(record.value());
            assertThat(event.at("/provenance/source/quote").asText())
                    .isEqualTo(proposal.at("/body/source/quote").asText()).isNotBlank();
            assertThat(event.at("/provenance/source/publisher").asText()).isEqualTo("Los Angeles Times");
        }
        assertThat(json.readTree(onTopic.get("rus-irn-2001-sale-1").value()).at("/estimates/0/amount").asLong())
                .as("the analyst's edit is what was recorded").isEqualTo(6_500_000_000L);

        // in the views: the relationship's timeline names the draft
        String[] tokens = ids(recorded.path("accepted"), "consistencyToken").toArray(String[]::new);
        JsonNode timeline = getConsistent("/api/v1/relationships/RUS/IRN", tokens).getBody().path("timeline");
        List<String> fromDraft = new ArrayList<>();
        timeline.forEach(entry -> {
            if (draftId.equals(entry.path("draftId").asText())) {
                fromDraft.add(entry.path("recordId").asText());
            }
        });
        assertThat(fromDraft).containsExactlyInAnyOrder("rus-irn-2001-1", "rus-irn-2001-2", "rus-irn-2001-sale-1");
        assertThat(designationsOnRecord.designations()).as("the views' designations, which the engine is given")
                .contains("S-300");

        // a draft is accepted once
        long after = storeHead();
        assertRefused(send(analyst(), DRAFTS + "/" + draftId + "/acceptances", json.writeValueAsString(acceptance),
                MediaType.APPLICATION_JSON), HttpStatus.CONFLICT, "id", "was accepted already");
        assertThat(storeHead()).isEqualTo(after);
    }

    /**
     * The Federal Register's notice of transmittal 20-23 (Republic of Korea, F-35 follow-on support; published
     * 2020-04-27) drafted into a notified sale and recorded: the deal is NOTIFIED with its transmittal number and the
     * estimated total cost, as a hand-written NotifySale would record it.
     */
    @Test
    void aFederalRegisterNoticeIsRecordedAsANotifiedSale() throws IOException {
        ObjectNode request = json.createObjectNode();
        request.put("text", publishedText("intake/federal-register-transmittal-20-23-korea-2020.txt"));
        request.set("source", json.readTree("""
                {"publisher": "Federal Register", "title": "Arms Sales Notification",
                 "url": "https://www.govinfo.gov/content/pkg/FR-2020-04-27/html/2020-08792.htm",
                 "publishedOn": "2020-04-27", "language": "en"}"""));
        ResponseEntity<JsonNode> drafted = send(analyst(), DRAFTS, json.writeValueAsString(request),
                MediaType.APPLICATION_JSON);
        assertThat(drafted.getStatusCode()).as(String.valueOf(drafted.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode draft = drafted.getBody();
        JsonNode notified = proposal(draft, "NotifySale", "/notification/number", "20-23");
        assertThat(notified.path("body").path("recipient").asText()).isEqualTo("KOR");

        ObjectNode acceptance = json.createObjectNode();
        acceptance.putArray("accepted").addObject().put("proposalId", notified.path("id").asText());
        ArrayNode rejected = acceptance.putArray("rejected");
        draft.path("proposals").forEach(p -> {
            if (!p.path("id").equals(notified.path("id"))) {
                rejected.add(p.path("id").asText());
            }
        });
        ResponseEntity<JsonNode> answer = send(analyst(), DRAFTS + "/" + draft.path("id").asText() + "/acceptances",
                json.writeValueAsString(acceptance), MediaType.APPLICATION_JSON);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode accepted = answer.getBody().path("acceptance").path("accepted").get(0);

        JsonNode deal = getConsistent("/api/v1/deals/" + accepted.path("recordId").asText(),
                accepted.path("consistencyToken").asText()).getBody();
        assertThat(deal.path("stage").asText()).isEqualTo("NOTIFIED");
        assertThat(deal.at("/notification/number").asText()).isEqualTo("20-23");
        assertThat(deal.path("supplier").asText() + "->" + deal.path("recipient").asText()).isEqualTo("USA->KOR");
        assertThat(deal.at("/estimates/0/estimate/qualifier").asText()).isEqualTo("ESTIMATED_TOTAL_COST");
        assertThat(deal.at("/estimates/0/estimate/amount").decimalValue()).isEqualByComparingTo("675000000");
    }

    @Test
    void aRefusedProposalRecordsNothingOfItsAcceptance() throws IOException {
        JsonNode draft = draftFoundingArticle().getBody();
        String draftId = draft.path("id").asText();
        JsonNode first = proposal(draft, "SignAgreement", "/id", "rus-irn-2001-1");
        JsonNode pact = proposal(draft, "SignAgreement", "/id", "rus-usa-1995-1");
        JsonNode arms = proposal(draft, "ReportSale", "/id", "rus-irn-2001-sale-1");
        String acceptances = DRAFTS + "/" + draftId + "/acceptances";
        long head = storeHead();

        // ids of their own, so that what the other tests record does not refuse these first
        String agreementId = uniqueId("rus-irn-2001-refused");
        ObjectNode firstEdited = first.path("body").deepCopy();
        firstEdited.put("id", agreementId);

        // an edit that breaks the command's rules is refused before anything is sent
        ObjectNode badSupplier = arms.path("body").deepCopy();
        badSupplier.put("id", uniqueId("rus-irn-2001-refused-sale"));
        badSupplier.put("supplier", "russia");
        ObjectNode acceptance = json.createObjectNode();
        acceptance.putArray("accepted")
                .add(json.createObjectNode().put("proposalId", first.path("id").asText()).set("body", firstEdited))
                .add(json.createObjectNode().put("proposalId", arms.path("id").asText()).set("body", badSupplier));
        assertRefused(send(analyst(), acceptances, json.writeValueAsString(acceptance), MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST, "accepted[1].body.supplier", "");

        // a command the ledger refuses after an earlier one was sent takes the earlier one back: the second
        // proposal is edited to record the first's agreement again
        ObjectNode sameId = pact.path("body").deepCopy();
        sameId.put("id", agreementId);
        acceptance = json.createObjectNode();
        acceptance.putArray("accepted")
                .add(json.createObjectNode().put("proposalId", first.path("id").asText()).set("body", firstEdited))
                .add(json.createObjectNode().put("proposalId", pact.path("id").asText()).set("body", sameId));
        assertRefused(send(analyst(), acceptances, json.writeValueAsString(acceptance), MediaType.APPLICATION_JSON),
                HttpStatus.CONFLICT, "accepted[1].body.id", "already exists");

        // a proposal the draft does not have, and one listed both ways
        assertRefused(send(analyst(), acceptances, "{\"accepted\": [{\"proposalId\": \"p999\"}]}",
                MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "accepted[0].proposalId", "p999");
        assertRefused(send(analyst(), acceptances, "{\"accepted\": [], \"rejected\": [\"p999\"]}",
                MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "rejected[0]", "p999");

        assertThat(storeHead()).as("no refused acceptance wrote an event").isEqualTo(head);
        assertThat(analyst().getForEntity(DRAFTS + "/" + draftId, JsonNode.class).getBody().path("status").asText())
                .isEqualTo("DRAFTED");
        assertThat(ledgerStorage.idempotencyKeyCountStartingWith("intake:" + draftId + ":"))
                .as("no idempotency key kept").isZero();

        // an unknown draft
        assertThat(analyst().getForEntity(DRAFTS + "/no-such-draft", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(analyst(), DRAFTS + "/no-such-draft/acceptances", "{\"accepted\": []}",
                MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRenamedRecordIsNamedByItsNewIdInTheProposalsThatFollowIt() throws IOException {
        JsonNode draft = draftFoundingArticle().getBody();
        String draftId = draft.path("id").asText();
        JsonNode pact = proposal(draft, "SignAgreement", "/id", "rus-usa-1995-1");
        JsonNode renounced = proposal(draft, "RenounceAgreement", "/party", "RUS");
        assertThat(renounced.path("endpoint").asText()).isEqualTo("POST /api/v1/agreements/rus-usa-1995-1/renunciations");
        String renamed = uniqueId("rus-usa-1995-secret");
        ObjectNode edited = pact.path("body").deepCopy();
        edited.put("id", renamed);
        ObjectNode acceptance = json.createObjectNode();
        acceptance.putArray("accepted")
                .add(json.createObjectNode().put("proposalId", pact.path("id").asText()).set("body", edited))
                .add(json.createObjectNode().put("proposalId", renounced.path("id").asText()));
        ResponseEntity<JsonNode> answer = send(analyst(), DRAFTS + "/" + draftId + "/acceptances",
                json.writeValueAsString(acceptance), MediaType.APPLICATION_JSON);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode recorded = answer.getBody().at("/acceptance/accepted");
        assertThat(ids(recorded, "recordId")).containsExactly(renamed, renamed);
        assertThat(recorded.get(1).path("endpoint").asText())
                .isEqualTo("POST /api/v1/agreements/" + renamed + "/renunciations");
        assertThat(recorded.get(1).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aPlaceholderNoEarlierProposalResolvesIsRefusedNamingTheProposal() {
        ResponseEntity<JsonNode> drafted = send(analyst(), DRAFTS + "?publisher=Test Wire&title=Renounced"
                + "&publishedOn=2023-02-22", "MOSCOW — Russia renounced the treaty with Ukraine on Monday, officials"
                + " said.", MediaType.TEXT_PLAIN);
        assertThat(drafted.getStatusCode()).as(String.valueOf(drafted.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode renounced = proposal(drafted.getBody(), "RenounceAgreement", "/party", "RUS");
        assertThat(renounced.path("endpoint").asText()).contains("{agreementId}");
        long head = storeHead();
        assertRefused(send(analyst(), DRAFTS + "/" + drafted.getBody().path("id").asText() + "/acceptances",
                "{\"accepted\": [{\"proposalId\": \"" + renounced.path("id").asText() + "\"}]}",
                MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "accepted[0]",
                "proposal " + renounced.path("id").asText() + ": its path");
        assertThat(storeHead()).isEqualTo(head);
    }

    @Test
    void badTextsAreRefusedWithProblemJsonAndWriteNothing() {
        long head = storeHead();
        long drafts = drafts();
        assertRefused(send(analyst(), DRAFTS, "{\"text\": \"   \", \"source\": " + SOURCE + "}",
                MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "text", "must not be empty");
        assertRefused(send(analyst(), DRAFTS + "?publishedOn=2001-03-13", "", MediaType.TEXT_PLAIN),
                HttpStatus.BAD_REQUEST, "text", "must not be empty");
        String tooLong = "Russia signed an agreement with Iran. ".repeat(3_000);
        assertRefused(send(analyst(), DRAFTS + "?publishedOn=2001-03-13", tooLong, MediaType.TEXT_PLAIN),
                HttpStatus.BAD_REQUEST, "text", "the limit is 100000");
        assertRefused(send(analyst(), DRAFTS + "?publishedOn=13/03/2001", "Russia signed an agreement with Iran.",
                MediaType.TEXT_PLAIN), HttpStatus.BAD_REQUEST, "publishedOn", "is not a date");
        assertRefused(send(analyst(), DRAFTS + "?publishedOn=2001-03-13&language=ru", "Россия и Иран.",
                MediaType.TEXT_PLAIN), HttpStatus.BAD_REQUEST, "language", "the rules read English");
        ResponseEntity<JsonNode> binary = send(analyst(), DRAFTS, "GIF89a", MediaType.IMAGE_GIF);
        assertThat(binary.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(binary.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertRefused(send(analyst(), DRAFTS + "?publishedOn=2001-03-13", "Russia\u0000signed\u0001",
                MediaType.TEXT_PLAIN), HttpStatus.BAD_REQUEST, "text", "control characters");
        HttpHeaders latin1 = new HttpHeaders();
        latin1.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> notUtf8 = analyst().postForEntity(DRAFTS + "?publishedOn=2001-03-13",
                new HttpEntity<>(new byte[]{'R', 'u', 's', (byte) 0xE9, 'i', 'a'}, latin1), JsonNode.class);
        assertRefused(notUtf8, HttpStatus.BAD_REQUEST, "text", "is not UTF-8 text");
        assertRefused(send(analyst(), DRAFTS, "{\"text\": \"Russia signed an agreement with Iran.\", \"source\":"
                + " {\"publishedOn\": \"2001-02-30\"}}", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST,
                "source.publishedOn", "");
        assertThat(drafts()).as("no draft kept").isEqualTo(drafts);
        assertThat(storeHead()).isEqualTo(head);
    }

    @Test
    void aPlainTextIsDraftedWithItsSourceFromTheQuery() {
        ResponseEntity<JsonNode> drafted = send(analyst(), DRAFTS + "?publisher=Test Wire&title=Rafale"
                        + "&publishedOn=2016-09-24", "NEW DELHI — India signed a deal with France on Friday to buy 36"
                        + " Rafale fighter jets for €7.87 billion (about Rs 59,000 crore), ending years of talks.",
                MediaType.TEXT_PLAIN);
        assertThat(drafted.getStatusCode()).as(String.valueOf(drafted.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode sale = proposal(drafted.getBody(), "ReportSale", "/recipient", "IND");
        assertThat(sale.at("/body/estimate/currency").asText()).as("the body was read as UTF-8").isEqualTo("EUR");
        assertThat(sale.at("/body/source/publisher").asText()).isEqualTo("Test Wire");
        assertThat(sale.at("/body/reportedOn").asText()).isEqualTo("2016-09-23");
    }

    @Test
    void theOpenApiDocumentDescribesTheIntakeWithoutTheCommandsHeaders() {
        JsonNode paths = get("/v3/api-docs").getBody().path("paths");
        JsonNode draft = paths.path(DRAFTS).path("post");
        assertThat(draft.path("requestBody").path("content").fieldNames()).toIterable()
                .contains("text/plain", "application/json");
        assertThat(draft.path("responses").fieldNames()).toIterable().contains("201", "400", "415");
        JsonNode accept = paths.path(DRAFTS + "/{draftId}/acceptances").path("post");
        assertThat(accept.path("responses").fieldNames()).toIterable().contains("200", "400", "404", "409", "422");
        assertThat(accept.path("parameters").findValuesAsText("name")).as("an acceptance is keyed per proposal")
                .doesNotContain("Idempotency-Key", "If-Match");
    }

    @Test
    void viewersNeitherDraftNorReadDrafts() throws IOException {
        String draftId = draftFoundingArticle().getBody().path("id").asText();
        TestRestTemplate viewer = as("viewer", "viewer-local");
        assertThat(viewer.getForEntity(DRAFTS + "/" + draftId, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(viewer, DRAFTS + "?publishedOn=2001-03-13", "Russia signed an agreement with Iran.",
                MediaType.TEXT_PLAIN).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        long head = storeHead();
        assertThat(send(viewer, DRAFTS + "/" + draftId + "/acceptances", "{\"accepted\": [{\"proposalId\": \"p1\"}]}",
                MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(storeHead()).isEqualTo(head);
    }
}
