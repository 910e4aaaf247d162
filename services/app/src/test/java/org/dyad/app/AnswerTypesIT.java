package org.dyad.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.ledger.intake.DraftAnswer;
import org.dyad.ledger.sipri.ImportJobAnswer;
import org.dyad.ledger.sipri.ImportRowPageAnswer;
import org.dyad.sipri.ReferenceDirectory;
import org.dyad.views.web.answer.AgreementDocumentAnswer;
import org.dyad.views.web.answer.AgreementPageAnswer;
import org.dyad.views.web.answer.DealAnswer;
import org.dyad.views.web.answer.DealPageAnswer;
import org.dyad.views.web.answer.OverviewAnswer;
import org.dyad.views.web.answer.PartnerPageAnswer;
import org.dyad.views.web.answer.RelationshipAnswer;
import org.dyad.views.web.answer.TimelineAnswer;
import org.dyad.watch.AlertAnswer;
import org.dyad.watch.AlertPageAnswer;
import org.dyad.watch.WatchlistAnswer;
import org.dyad.watch.WebhookDeliveryAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every typed answer of the API describes what Dyad really answers: each query's answer, read from a Dyad holding
 * the seed case and a few more records, deserializes into the record its OpenAPI response names with unknown
 * properties refused, and that record serializes back to the same JSON (tree equality, numbers by value: the same
 * fields, {@code null} where Dyad writes {@code null}, absent where Dyad leaves a field out, as each record's
 * {@code @JsonInclude} says). Each answer is also written to {@code target/answer-samples}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "dyad.test.scenario=answer-types")
class AnswerTypesIT extends DyadIntegrationTest {

    /** Each answer read, by a name saying which query it answers. */
    private final Map<String, JsonNode> answers = new LinkedHashMap<>();
    private final List<String> tokens = new ArrayList<>();

    @BeforeAll
    void recordTheSeedCaseAndReadEveryQuery() throws Exception {
        try (InputStream in = new ClassPathResource("demo/russia-iran-2001.json").getInputStream()) {
            for (JsonNode step : json.readTree(in).path("steps")) {
                tokens.add(ok(post(step.path("post").asText(), step.path("body"))));
            }
        }
        tokens.add(ok(post("/api/v1/deals/notifications", """
                {"supplier": "USA", "recipient": "KOR", "items": [{"designation": "F-35 follow-on support"}],
                 "notifiedOn": "2020-04-10", "notification": {"number": "20-23", "notifiedTo": "US Congress"},
                 "estimate": {"amount": 675000000, "currency": "USD", "qualifier": "ESTIMATED_TOTAL_COST"},
                 "source": {"publisher": "Defense Security Cooperation Agency",
                            "title": "Republic of Korea - F-35 Follow-On Support", "publishedOn": "2020-04-10"},
                 "grade": "A1"}""")));
        String kilo = "sun-irn-1989-kilo-submarines";
        tokens.add(ok(post("/api/v1/deals/" + kilo + "/deliveries", """
                {"tranche": {"deliveredOn": "1992", "items": [{"designation": "Kilo-class", "quantity": 1}]}, %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + kilo + "/expected-deliveries", """
                {"statedOn": "1993-02", "dueBy": "1996", "designation": "Kilo-class", "quantity": 2, %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/records/" + kilo + "/corrections", """
                {"eventId": "%s", "reason": "the first was delivered in 1993",
                 "changes": {"tranche": {"deliveredOn": "1993",
                                         "items": [{"designation": "Kilo-class", "quantity": 1}]}},
                 %s}""".formatted(eventIdOf(kilo, 1), SIPRI_SOURCE))));
        String wait = "waitFor=" + String.join(",", tokens);
        read("relationship", "/api/v1/relationships/RUS/IRN?" + wait);
        read("relationship-as-known", "/api/v1/relationships/RUS/IRN?knownAt=2100-01-01T00:00:00Z");
        read("relationship-as-of", "/api/v1/relationships/RUS/IRN?asOf=2000-06-01");
        read("relationship-by-succession", "/api/v1/relationships/SUN/IRN");
        read("partners", "/api/v1/relationships?party=RUS");
        read("deals", "/api/v1/deals?status=ALL");
        read("deals-notified", "/api/v1/deals?status=NOTIFIED");
        JsonNode deals = answers.get("deals");
        for (JsonNode deal : deals.path("items").isMissingNode() ? deals.path("deals") : deals.path("items")) {
            read("deal-" + deal.path("dealId").asText(), "/api/v1/deals/" + deal.path("dealId").asText());
        }
        read("timeline", "/api/v1/timeline?parties=IRN,RUS");
        read("agreements", "/api/v1/agreements?party=RUS");
        read("agreement", "/api/v1/agreements/rus-usa-1995-iran-arms-pact");
        read("embargoes", "/api/v1/embargoes");
        read("actors", "/api/v1/actors?q=iran");
        read("actor", "/api/v1/actors/IRN");
        read("profile", "/api/v1/actors/IRN/profile");
        read("overview", "/api/v1/overview");
        read("releases", "/api/v1/sipri/releases");
        read("dependence", "/api/v1/analytics/dependence?recipient=IRN");
        read("backlog", "/api/v1/analytics/backlog?recipient=IRN");
        read("dead-letters", "/api/v1/admin/dead-letters");
        read("watchlists", "/api/v1/watchlists");
        read("alerts", "/api/v1/alerts");
        readTheLedgersAndTheWatchAnswers();
        Path samples = Path.of("target/answer-samples");
        Files.createDirectories(samples);
        for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
            Files.writeString(samples.resolve(answer.getKey() + ".json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(answer.getValue()));
        }
    }

    private void read(String name, String path) {
        ResponseEntity<JsonNode> answer = get(path);
        assertThat(answer.getStatusCode().value()).as(name + ": " + answer.getBody()).isEqualTo(200);
        answers.put(name, answer.getBody());
    }

    // The ledger's import and intake answers and the watch module's: each read from a real request below.

    /** The record each answer of the ledger's import and intake and of the watch module is, by the sample's name. */
    private static final Map<String, Class<?>> LEDGER_AND_WATCH_TYPES = Map.ofEntries(
            Map.entry("import-started", ImportJobAnswer.class),
            Map.entry("import", ImportJobAnswer.class),
            Map.entry("import-rows", ImportRowPageAnswer.class),
            Map.entry("draft-created", DraftAnswer.class),
            Map.entry("draft", DraftAnswer.class),
            Map.entry("draft-accepted", DraftAnswer.class),
            Map.entry("watchlists", WatchlistAnswer[].class),
            Map.entry("watchlist-created", WatchlistAnswer.class),
            Map.entry("watchlist-without-webhook", WatchlistAnswer.class),
            Map.entry("watchlist", WatchlistAnswer.class),
            Map.entry("watchlists-two", WatchlistAnswer[].class),
            Map.entry("watchlist-deliveries", WebhookDeliveryAnswer[].class),
            Map.entry("alerts", AlertPageAnswer.class),
            Map.entry("alerts-raised", AlertPageAnswer.class),
            Map.entry("alert-read", AlertAnswer.class),
            Map.entry("alerts-after-read", AlertPageAnswer.class));

    /**
     * A SIPRI import of a few rows of the register sample and one naming no known actor; a draft of the DSCA
     * notification of Korea's F-35 follow-on support, its NotifySale accepted under an id of its own with the
     * transmittal's number the press release leaves out; and a watchlist on Korea whose webhook (a local server
     * answering 204) receives the alert that sale raises, which is then read.
     */
    private void readTheLedgersAndTheWatchAnswers() throws Exception {
        List<String> register = new String(sipriSample(), StandardCharsets.ISO_8859_1).lines().toList();
        int header = register.indexOf(register.stream().filter(l -> l.startsWith("Recipient,Supplier")).findFirst()
                .orElseThrow());
        List<String> rows = new ArrayList<>(register.subList(0, header + 5));
        rows.add("Atlantis,United States,2019,,2,,Test-copter,transport helicopter,2,,2020,New,,1,2,2");
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType("text/csv"));
        part.setContentDispositionFormData("file", "sipri-few-rows.csv");
        form.add("file", new HttpEntity<>(String.join("\r\n", rows).getBytes(StandardCharsets.ISO_8859_1), part));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> started = http.postForEntity("/api/v1/imports/sipri",
                new HttpEntity<>(form, multipart), JsonNode.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
        answers.put("import-started", started.getBody());
        String job = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(job).getBody().path("status").asText().matches("DONE|FAILED"));
        read("import", job);
        read("import-rows", job + "/rows");
        JsonNode imported = answers.get("import");
        assertThat(imported.path("status").asText()).as(imported.toString()).isEqualTo("DONE");
        assertThat(imported.path("releaseId").asText()).isEqualTo("sipri-2025-03-13");
        assertThat(imported.path("charset").isTextual()).isTrue();
        assertThat(imported.path("finishedAt").isTextual()).isTrue();
        assertThat(imported.path("rowsTotal").asInt()).isEqualTo(5);
        JsonNode reported = answers.get("import-rows").path("items");
        assertThat(reported.findValuesAsText("outcome")).contains("IMPORTED", "REJECTED");
        reported.forEach(row -> {
            if (row.path("outcome").asText().equals("REJECTED")) {
                assertThat(row.has("dealId")).as(row.toString()).isFalse();
                assertThat(row.path("reason").asText()).as(row.toString()).isNotBlank();
            } else {
                assertThat(row.path("dealId").asText()).as(row.toString()).isNotBlank();
            }
        });

        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        try {
            ResponseEntity<JsonNode> created = post("/api/v1/watchlists", """
                    {"name": "Korea's notified sales", "criteria": {"actors": ["KOR"], "notifiedSales": true,
                     "estimateOver": {"amount": 100000000, "currency": "USD"}},
                     "webhookUrl": "http://127.0.0.1:%d/alerts"}""".formatted(webhook.getAddress().getPort()));
            assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
            answers.put("watchlist-created", created.getBody());
            assertThat(created.getBody().path("webhookSecret").asText()).hasSize(64);
            ResponseEntity<JsonNode> plain = post("/api/v1/watchlists", """
                    {"name": "Pairs", "criteria": {"pairs": [{"a": "FRA", "b": "IND", "directed": true}],
                     "stageChanges": {"to": ["CONTRACTED"]}}}""");
            assertThat(plain.getStatusCode().value()).as(String.valueOf(plain.getBody())).isEqualTo(201);
            answers.put("watchlist-without-webhook", plain.getBody());
            assertThat(plain.getBody().path("webhookUrl").isNull()).isTrue();
            assertThat(plain.getBody().has("webhookSecret")).isFalse();
            String watchlist = "/api/v1/watchlists/" + created.getBody().path("id").asText();
            read("watchlist", watchlist);
            read("watchlists-two", "/api/v1/watchlists");

            String file = Files.readString(ReferenceDirectory.require(
                    "intake/dsca-korea-f35-follow-on-support-2020.txt"), StandardCharsets.UTF_8);
            ObjectNode request = json.createObjectNode();
            request.put("text", file.substring(file.indexOf("\n---\n") + 5));
            request.set("source", json.readTree("""
                    {"publisher": "Defense Security Cooperation Agency", "title": "Korea – F-35 Follow-On Support",
                     "publishedOn": "2020-04-10", "language": "en"}"""));
            ResponseEntity<JsonNode> drafted = post("/api/v1/intake/drafts", request);
            assertThat(drafted.getStatusCode().value()).as(String.valueOf(drafted.getBody())).isEqualTo(201);
            answers.put("draft-created", drafted.getBody());
            String draft = "/api/v1/intake/drafts/" + drafted.getBody().path("id").asText();
            read("draft", draft);
            JsonNode notified = null;
            ObjectNode acceptance = json.createObjectNode();
            ArrayNode rejected = acceptance.putArray("rejected");
            for (JsonNode proposal : drafted.getBody().path("proposals")) {
                if (notified == null && proposal.path("command").asText().equals("NotifySale")) {
                    notified = proposal;
                } else {
                    rejected.add(proposal.path("id").asText());
                }
            }
            assertThat(notified).as(drafted.getBody().toString()).isNotNull();
            assertThat(notified.path("evidence").isEmpty()).isFalse();
            ObjectNode edited = notified.path("body").deepCopy();
            String dealId = uniqueId("usa-kor-2020-f35-support");
            edited.put("id", dealId);
            // the press release does not give the transmittal's number: the analyst adds it
            ObjectNode notification = edited.path("notification").isObject() ? (ObjectNode) edited.get("notification")
                    : edited.putObject("notification");
            notification.put("number", "20-23");
            acceptance.putArray("accepted").addObject().put("proposalId", notified.path("id").asText())
                    .set("body", edited);
            ResponseEntity<JsonNode> accepted = post(draft + "/acceptances", acceptance);
            assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(200);
            answers.put("draft-accepted", accepted.getBody());
            assertThat(accepted.getBody().at("/acceptance/accepted/0/recordId").asText()).isEqualTo(dealId);
            assertThat(accepted.getBody().at("/acceptance/accepted/0/edited").asBoolean()).isTrue();

            JsonNode alert = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> alertOn(dealId), Objects::nonNull);
            read("alerts-raised", "/api/v1/alerts");
            JsonNode deliveries = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> get(watchlist + "/deliveries").getBody(), d -> d.findValuesAsText("alertId")
                            .contains(alert.path("id").asText()) && d.findValuesAsText("status").stream()
                            .allMatch("DELIVERED"::equals));
            answers.put("watchlist-deliveries", deliveries);
            assertThat(deliveries.get(0).path("deliveredAt").isTextual()).isTrue();
            assertThat(deliveries.get(0).path("log").get(0).path("httpStatus").asInt()).isEqualTo(204);
            ResponseEntity<JsonNode> read = http.postForEntity("/api/v1/alerts/" + alert.path("id").asText() + "/read",
                    null, JsonNode.class);
            assertThat(read.getStatusCode().value()).as(String.valueOf(read.getBody())).isEqualTo(200);
            answers.put("alert-read", read.getBody());
            assertThat(read.getBody().path("readAt").isTextual()).isTrue();
            assertThat(read.getBody().path("actorNames").path("KOR").isTextual()).isTrue();
            read("alerts-after-read", "/api/v1/alerts");
        } finally {
            webhook.stop(0);
        }
    }

    /** The admin's alert on the record, or null while there is none. */
    private JsonNode alertOn(String recordId) {
        for (JsonNode alert : get("/api/v1/alerts?size=200").getBody().path("alerts")) {
            if (alert.path("recordId").asText().equals(recordId)) {
                return alert;
            }
        }
        return null;
    }

    /**
     * Tree equality, but a number equals a number of the same value whatever its node type (a record's {@code long}
     * reads back as a long node where the answer held an int node; both are written as the same digits).
     */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** The record the OpenAPI document names for each answer read. */
    private static Class<?> typeOf(String name) {
        if (LEDGER_AND_WATCH_TYPES.containsKey(name)) {
            return LEDGER_AND_WATCH_TYPES.get(name);
        }
        if (name.startsWith("relationship")) {
            return RelationshipAnswer.class;
        } else if (name.startsWith("deals")) {
            return DealPageAnswer.class;
        } else if (name.startsWith("deal-")) {
            return DealAnswer.class;
        } else if (name.equals("timeline")) {
            return TimelineAnswer.class;
        } else if (name.equals("partners")) {
            return PartnerPageAnswer.class;
        } else if (name.equals("agreements")) {
            return AgreementPageAnswer.class;
        } else if (name.equals("agreement")) {
            return AgreementDocumentAnswer.class;
        } else if (name.equals("overview")) {
            return OverviewAnswer.class;
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerIsItsRecordExactly() {
        ObjectMapper strict = DyadJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return answers.entrySet().stream().map(answer -> DynamicTest.dynamicTest(answer.getKey(), () -> {
            Class<?> type = typeOf(answer.getKey());
            if (type == null) {
                return;
            }
            Object typed = strict.treeToValue(answer.getValue(), type);
            JsonNode again = strict.valueToTree(typed);
            assertThat(again.equals(NUMBERS_BY_VALUE, answer.getValue()))
                    .as("%s written back from %s:%n%s%nas answered:%n%s", answer.getKey(), type.getSimpleName(), again,
                            answer.getValue()).isTrue();
        }));
    }
}
