package org.dyad.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dyad.actors.Actor;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.web.ActorController;
import org.dyad.views.web.answer.ActorProfileAnswer;
import org.dyad.views.web.answer.AgreementDocumentAnswer;
import org.dyad.views.web.answer.AgreementPageAnswer;
import org.dyad.views.web.answer.BacklogAnswer;
import org.dyad.views.web.answer.DeadLetterPageAnswer;
import org.dyad.views.web.answer.DealAnswer;
import org.dyad.views.web.answer.DealPageAnswer;
import org.dyad.views.web.answer.DependenceAnswer;
import org.dyad.views.web.answer.EmbargoDocumentAnswer;
import org.dyad.views.web.answer.EmbargoPageAnswer;
import org.dyad.views.web.answer.OverviewAnswer;
import org.dyad.views.web.answer.PartnerPageAnswer;
import org.dyad.views.web.answer.RegisterChangesAnswer;
import org.dyad.views.web.answer.RegisterReleasesAnswer;
import org.dyad.views.web.answer.RelationshipAnswer;
import org.dyad.views.web.answer.TimelineAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every typed answer of the API describes what Dyad really answers: each query's answer, read from a Dyad holding
 * the seed case and a few more records, deserializes into the record its OpenAPI response names with unknown
 * properties refused, and that record serializes back to the same JSON (tree equality, numbers by value: the same
 * fields, {@code null} where Dyad writes {@code null}, absent where Dyad leaves a field out, as each record's
 * {@code @JsonInclude} says). Each answer is also written to {@code target/answer-samples}. Beyond the seed case the
 * scenario records the facts that make the rarer fields appear (a deal's terms, signer, framework, supersession and
 * possible status; an agreement's lineage and milestones; a statement's claim; an embargo imposed and lifted; two
 * releases of SIPRI's register, the second changing the first; a record the views could not read), and
 * {@link #theSamplesShowTheRarerFields()} checks that they do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "dyad.test.scenario=answer-types")
class AnswerTypesIT extends DyadIntegrationTest {

    /** Each answer read, by a name saying which query it answers. */
    private final Map<String, JsonNode> answers = new LinkedHashMap<>();
    /** The query each answer was read from, by the answer's name. */
    private final Map<String, String> queries = new LinkedHashMap<>();
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
        recordTheRarerFacts();
        importTwoReleasesOfTheRegister();
        parkAnUnreadableRecord();
        // a query waits for at most 20 tokens: the views hold all but the last 20 before the first read
        for (int from = 0; from < tokens.size() - 20; from += 20) {
            getConsistent("/api/v1/overview", tokens.subList(from, Math.min(from + 20, tokens.size() - 20))
                    .toArray(String[]::new));
        }
        String wait = "waitFor=" + String.join(",", tokens.subList(Math.max(0, tokens.size() - 20), tokens.size()));
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
        read("relationship-with-embargo", "/api/v1/relationships/IRN/RUS?asOf=2015-01-01");
        read("deal-possibly", "/api/v1/deals/" + TOR + "?asOf=2004-06-01");
        read("agreement-extension", "/api/v1/agreements/" + EXTENSION);
        read("agreement-superseding", "/api/v1/agreements/" + SUCCESSOR);
        read("embargoes", "/api/v1/embargoes");
        read("embargo", "/api/v1/embargoes/" + EMBARGO);
        read("embargo-possibly", "/api/v1/embargoes/" + EMBARGO + "?asOf=2020-10-05");
        read("profile-agency", "/api/v1/actors/GRO/profile");
        read("dependence-with-tiv", "/api/v1/analytics/dependence?recipient=DZA");
        read("backlog-with-tiv", "/api/v1/analytics/backlog?recipient=ALB");
        read("release-changes", "/api/v1/sipri/releases/" + FIRST_RELEASE + "/changes/" + SECOND_RELEASE);
        for (String change : List.of("changed", "dropped")) {
            read("deal-register-" + change, "/api/v1/deals/"
                    + answers.get("release-changes").path(change).path(0).path("dealId").asText());
        }
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
        Path samples = Path.of("target/answer-samples");
        Files.createDirectories(samples);
        for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
            Files.writeString(samples.resolve(answer.getKey() + ".json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(answer.getValue()));
        }
    }

    private static final String UN = """
            "source": {"publisher": "United Nations", "title": "Security Council resolution 1929 (2010)",
                       "publishedOn": "2010-06-09"}, "grade": "A1\"""";
    /** A deal with terms, a signer, a framework agreement, a schedule and a suspension dated to the year only. */
    private static final String TOR = "rus-irn-2002-tor-m1";
    /** The order the Tor-M1 deal superseded. */
    private static final String FIRST_ORDER = "rus-irn-2000-tor-m1";
    /** An agreement extending the seed case's general agreement, with milestones; the framework of the Tor deal. */
    private static final String EXTENSION = "rus-irn-2001-military-cooperation";
    /** An agreement superseding the extension. */
    private static final String SUCCESSOR = "rus-irn-2005-military-cooperation";
    private static final String EMBARGO = "unsc-1929";
    private static final String FIRST_RELEASE = "sipri-2024-03-11";
    private static final String SECOND_RELEASE = "sipri-2026-03-10";
    private static final String POISON = "answer-types-poison";

    /** The facts whose fields the seed case does not show. */
    private void recordTheRarerFacts() {
        tokens.add(ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Agreement on military-technical cooperation", "kind": "AGREEMENT",
                 "subjects": ["MILITARY_COOPERATION", "ARMS_TRADE"], "parties": ["RUS", "IRN"],
                 "signedOn": "2001-10-02", "binding": true,
                 "lineage": {"relation": "EXTENDS", "agreementId": "rus-irn-2001-general-principles"}, %s}"""
                .formatted(EXTENSION, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + EXTENSION + "/milestones", """
                {"kind": "ADOPTION", "on": "2001-09-20", "note": "approved by the Russian government", %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + EXTENSION + "/milestones", """
                {"kind": "PROVISIONAL_APPLICATION", "on": "2001-11", "party": "RUS", "provisions": "Article 3", %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + EXTENSION + "/entry-into-force",
                "{\"on\": \"2002-01\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Agreement on military-technical cooperation (2005)", "kind": "AGREEMENT",
                 "subjects": ["MILITARY_COOPERATION"], "parties": ["RUS", "IRN"], "signedOn": "2005-03",
                 "lineage": {"relation": "SUPERSEDES", "agreementId": "%s"}, %s}"""
                .formatted(SUCCESSOR, EXTENSION, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + SUCCESSOR + "/entry-into-force",
                "{\"on\": \"2005-06\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "CONTRACTED", "reportedOn": "2000",
                 "items": [{"designation": "Tor-M1", "description": "SAM system", "quantity": 20}], %s}"""
                .formatted(FIRST_ORDER, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "CONTRACTED", "reportedOn": "2002-05",
                 "items": [{"designation": "Tor-M1", "description": "SAM system", "quantity": 29}],
                 "terms": {"licensedProduction": false, "lease": false, "aid": true},
                 "estimate": {"amount": 700000000, "currency": "USD", "qualifier": "ABOUT"},
                 "signedBy": "GRO", %s}""".formatted(TOR, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + FIRST_ORDER + "/supersession", """
                {"on": "2002-05", "supersededBy": "%s", %s}""".formatted(TOR, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + TOR + "/framework",
                "{\"agreementId\": \"" + EXTENSION + "\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/deals/" + TOR + "/deliveries", """
                {"tranche": {"deliveredOn": "2003", "items": [{"designation": "Tor-M1", "quantity": 10}]}, %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + TOR + "/expected-deliveries", """
                {"statedOn": "2003-12", "dueBy": "2006-05-01", "designation": "Tor-M1", "quantity": 19, %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + TOR + "/suspension",
                "{\"on\": \"2004\", \"reason\": \"payment dispute\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/statements", """
                {"id": "irn-rus-2011-s300-claim", "speaker": "IRN", "addressees": ["RUS"], "kind": "DEMAND",
                 "madeOn": "2011", "summary": "compensation for the cancelled S-300 contract",
                 "claim": {"amount": 4000000000, "currency": "USD", "nature": "CLAIMED"}, %s}"""
                .formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/embargoes", """
                {"id": "%s", "imposedBy": "QUN", "targets": ["IRN"], "from": "2010-06-09", "to": "2030-06-09",
                 "measures": ["ARMS"], "categories": ["ARMOURED_VEHICLES", "AIRCRAFT", "MISSILES"],
                 "scope": "battle tanks, combat aircraft, missiles", "legalBasis": "UN Security Council resolution 1929",
                 %s}""".formatted(EMBARGO, UN))));
        tokens.add(ok(post("/api/v1/embargoes/" + EMBARGO + "/lifting", """
                {"on": "2020-10", "reason": "terminated under resolution 2231 (2015)", %s}""".formatted(UN))));
    }

    /**
     * Two releases of a few rows of SIPRI's register (the reference sample's first rows): the second revises a row,
     * no longer lists another of a pair it still lists, and adds one.
     */
    private void importTwoReleasesOfTheRegister() {
        List<String> lines = new ArrayList<>(new String(sipriSample(), StandardCharsets.ISO_8859_1).lines()
                .limit(20).toList());
        assertThat(lines.get(11)).startsWith("Recipient,Supplier,");
        lines.replaceAll(line -> line.startsWith("Data generated:") ? "Data generated: 11 Mar 2024 10:02:49 AM"
                : line);
        List<String> second = new ArrayList<>(lines);
        second.replaceAll(line -> line.startsWith("Data generated:") ? "Data generated: 10 Mar 2026 09:14:03 AM"
                : line.startsWith("Algeria,UAE,2021,,10,?,Hafeet-2,APC,") ? line.replace(",APC,",
                ",armoured personnel carrier,") : line);
        assertThat(second.remove(16)).startsWith("Algeria,Russia,2002,,42,,Mi-17,");
        second.add("Chile,France,2024,,2,,Scorpene,submarine,,,,New,,400,800,");
        for (List<String> release : List.of(lines, second)) {
            JsonNode job = importSipri((String.join("\r\n", release) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1), "register.csv");
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/sipri/releases").getBody().path("releases").findValuesAsText("releaseId"),
                        ids -> ids.containsAll(List.of(FIRST_RELEASE, SECOND_RELEASE)));
    }

    /** A record on the topic that is no CloudEvent: the views park it. */
    private void parkAnUnreadableRecord() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, POISON, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/admin/dead-letters?size=500").getBody().path("items")
                        .findValuesAsText("key"), keys -> keys.contains(POISON));
    }

    private void read(String name, String path) {
        ResponseEntity<JsonNode> answer = get(path);
        assertThat(answer.getStatusCode().value()).as(name + ": " + answer.getBody()).isEqualTo(200);
        answers.put(name, answer.getBody());
        queries.put(name, URI.create(path).getPath());
    }

    /**
     * Tree equality, but a number equals a number of the same value whatever its node type (a record's {@code long}
     * reads back as a long node where the answer held an int node; both are written as the same digits).
     */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** The record the OpenAPI document names for each answer read. */
    private static Class<?> typeOf(String name) {
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
        } else if (name.equals("actors")) {
            return ActorController.ActorMatch[].class;
        } else if (name.equals("actor")) {
            return Actor.class;
        } else if (name.equals("agreement")) {
            return AgreementDocumentAnswer.class;
        } else if (name.equals("overview")) {
            return OverviewAnswer.class;
        } else if (name.equals("embargoes")) {
            return EmbargoPageAnswer.class;
        } else if (name.startsWith("embargo")) {
            return EmbargoDocumentAnswer.class;
        } else if (name.equals("releases")) {
            return RegisterReleasesAnswer.class;
        } else if (name.equals("release-changes")) {
            return RegisterChangesAnswer.class;
        } else if (name.startsWith("dependence")) {
            return DependenceAnswer.class;
        } else if (name.startsWith("backlog")) {
            return BacklogAnswer.class;
        } else if (name.startsWith("profile")) {
            return ActorProfileAnswer.class;
        } else if (name.equals("dead-letters")) {
            return DeadLetterPageAnswer.class;
        } else if (name.startsWith("agreement-")) {
            return AgreementDocumentAnswer.class;
        }
        throw new IllegalArgumentException("no record names the answer '" + name + "'");
    }

    /** Each sample beyond the seed case shows the field it is read for. */
    @Test
    void theSamplesShowTheRarerFields() {
        JsonNode tor = answers.get("deal-" + TOR);
        assertThat(tor.path("terms").path("aid").asBoolean()).isTrue();
        assertThat(tor.path("signedBy").asText()).isEqualTo("GRO");
        assertThat(tor.path("frameworkAgreementId").asText()).isEqualTo(EXTENSION);
        assertThat(ids(tor.path("supersedes"))).containsExactly(FIRST_ORDER);
        assertThat(answers.get("deal-" + FIRST_ORDER).path("supersededBy").asText()).isEqualTo(TOR);
        assertThat(answers.get("deal-possibly").path("possibly").path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(answers.get("deal-register-changed").path("register").path("revisions")).isNotEmpty();
        assertThat(answers.get("deal-register-dropped").path("register").path("droppedIn").asText())
                .isEqualTo(SECOND_RELEASE);
        JsonNode extension = answers.get("agreement-extension");
        assertThat(extension.path("lineage").path("relation").asText()).isEqualTo("EXTENDS");
        assertThat(ids(extension.path("milestones"), "kind"))
                .containsExactly("ADOPTION", "PROVISIONAL_APPLICATION");
        assertThat(ids(extension.path("implementingDeals"))).containsExactly(TOR);
        assertThat(answers.get("agreement-superseding").path("lineage").path("relation").asText())
                .isEqualTo("SUPERSEDES");
        List<JsonNode> claims = new ArrayList<>();
        answers.get("relationship").path("statements").forEach(statement -> claims.add(statement.path("claim")));
        assertThat(claims).anyMatch(claim -> claim.path("amount").isNumber());
        assertThat(ids(answers.get("relationship-with-embargo").path("embargoes"), "embargoId"))
                .containsExactly(EMBARGO);
        assertThat(ids(answers.get("embargoes").path("items"), "embargoId")).contains(EMBARGO);
        JsonNode embargo = answers.get("embargo");
        assertThat(embargo.path("status").asText()).isEqualTo("LIFTED");
        assertThat(embargo.path("liftReason").asText()).isNotBlank();
        assertThat(embargo.path("to").asText()).isEqualTo("2030-06-09");
        assertThat(answers.get("embargo-possibly").path("possibly").asText()).isEqualTo("LIFTED");
        assertThat(ids(answers.get("releases").path("releases"), "releaseId"))
                .containsExactly(SECOND_RELEASE, FIRST_RELEASE);
        assertThat(answers.get("releases").path("releases").path(0).path("imports")).hasSize(1);
        JsonNode changes = answers.get("release-changes");
        for (String change : List.of("added", "dropped", "changed")) {
            assertThat(changes.path(change)).as(change).hasSize(1);
        }
        assertThat(ids(changes.path("changed").path(0).path("changes"), "field"))
                .containsExactly("weaponDescription");
        assertThat(ids(answers.get("profile").path("agreementsInForce"), "agreementId"))
                .contains(SUCCESSOR);
        assertThat(ids(answers.get("profile-agency").path("signedDeals"), "dealId")).contains(TOR);
        JsonNode dependence = answers.get("dependence-with-tiv");
        assertThat(dependence.path("windows").findValues("hhi")).anyMatch(JsonNode::isNumber);
        assertThat(dependence.path("trend").path("direction").isTextual()).as(dependence.toString()).isTrue();
        JsonNode backlog = answers.get("backlog");
        assertThat(ids(backlog.path("deals"), "dealId")).contains(TOR);
        assertThat(backlog.path("deals").findValues("estimatesOutstanding")).anyMatch(e -> !e.isEmpty());
        assertThat(answers.get("backlog-with-tiv").path("deals").findValues("tivOutstanding"))
                .anyMatch(JsonNode::isNumber);
        assertThat(ids(answers.get("dead-letters").path("items"), "key")).contains(POISON);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerIsItsRecordExactly() {
        ObjectMapper strict = DyadJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return answers.entrySet().stream().map(answer -> DynamicTest.dynamicTest(answer.getKey(), () -> {
            if (OpenApiDocumentIT.UNTYPED.contains(queries.get(answer.getKey()))) {
                // the document names no type for this query's answer, as OpenApiDocumentIT holds it to
                return;
            }
            Class<?> type = typeOf(answer.getKey());
            Object typed = strict.treeToValue(answer.getValue(), type);
            JsonNode again = strict.valueToTree(typed);
            assertThat(again.equals(NUMBERS_BY_VALUE, answer.getValue()))
                    .as("%s written back from %s:%n%s%nas answered:%n%s", answer.getKey(), type.getSimpleName(), again,
                            answer.getValue()).isTrue();
        }));
    }
}
