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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dyad.actors.Actor;
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
import org.dyad.watch.AlertAnswer;
import org.dyad.watch.AlertPageAnswer;
import org.dyad.watch.WatchlistAnswer;
import org.dyad.watch.WebhookDeliveryAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
        read("relationship-possibly", "/api/v1/relationships/RUS/IRN?asOf=2004-06-01");
        read("agreement-possibly", "/api/v1/agreements/" + SUCCESSOR + "?asOf=2005-06-15");
        read("agreements-possibly", "/api/v1/agreements?party=IRN&asOf=2005-06-15");
        read("agreement-treaty", "/api/v1/agreements/" + TREATY + "?asOf=2004-06-01");
        read("agreement-by-succession", "/api/v1/agreements/" + SOVIET_AGREEMENT);
        read("embargoes-possibly", "/api/v1/embargoes?asOf=2020-10-05");
        read("overview-as-of", "/api/v1/overview?asOf=2005-01-01&knownAt=2100-01-01T00:00:00Z");
        read("profile-as-of", "/api/v1/actors/IRN/profile?asOf=2005-01-01&knownAt=2100-01-01T00:00:00Z");
        read("dependence-as-of", "/api/v1/analytics/dependence?recipient=IRN&asOf=2005-01-01"
                + "&knownAt=2100-01-01T00:00:00Z");
        read("backlog-as-of", "/api/v1/analytics/backlog?supplier=RUS&recipient=IRN&asOf=2005-01-01"
                + "&knownAt=2100-01-01T00:00:00Z");
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
        read("dependence-of-no-deal", "/api/v1/analytics/dependence?recipient=ISL");
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
    /** An agreement of the Soviet Union's that Russia stands in by succession. */
    private static final String SOVIET_AGREEMENT = "sun-irn-1989-military-cooperation";
    /** A treaty with a party's consent, suspension and withdrawal. */
    private static final String TREATY = "rus-irn-arm-2002-caspian-treaty";
    /** A deal negotiated, contracted and cancelled under the embargo. */
    private static final String S300 = "rus-irn-2001-s300";
    private static final String EMBARGO = "unsc-1929";
    private static final String FIRST_RELEASE = "sipri-2024-03-11";
    private static final String SECOND_RELEASE = "sipri-2026-03-10";
    private static final String POISON = "answer-types-poison";

    /**
     * Fields no answer read shows: maps a query always answers empty (it names no source, or no actor), a timeline
     * entry's intake draft, and what only a failure or a wait shows (a failed import's error, a running one's time
     * left, a webhook's next attempt and an attempt's error, a refused acceptance) or an analyst's choice (a
     * proposal's notes).
     */
    private static final Set<String> NOT_SHOWN = Set.of("PartnerPageAnswer.sources", "OverviewAnswer.sources",
            "DependenceAnswer.sources", "BacklogAnswer.sources", "RegisterChangesAnswer.sources",
            "RegisterReleasesAnswer.sources", "RegisterReleasesAnswer.actorNames", "TimelineEntryAnswer.draftId",
            "ImportJobAnswer.error", "ImportJobAnswer.etaSeconds", "WebhookDeliveryAnswer.nextAttemptAt",
            "WebhookDeliveryAnswer$Attempt.error", "DraftAnswer$Acceptance.rejected", "DraftAnswer$Proposal.notes");

    /** The facts whose fields the seed case does not show. */
    private void recordTheRarerFacts() {
        tokens.add(ok(post("/api/v1/embargoes", """
                {"id": "%s", "imposedBy": "QUN", "targets": ["IRN"], "from": "2010-06-09", "to": "2030-06-09",
                 "measures": ["ARMS"], "categories": ["ARMOURED_VEHICLES", "AIRCRAFT", "MISSILES"],
                 "scope": "battle tanks, combat aircraft, missiles", "legalBasis": "UN Security Council resolution 1929",
                 %s}""".formatted(EMBARGO, UN))));
        tokens.add(ok(post("/api/v1/embargoes/" + EMBARGO + "/lifting", """
                {"on": "2020-10", "reason": "terminated under resolution 2231 (2015)", %s}""".formatted(UN))));
        tokens.add(ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Agreement on military-technical cooperation", "kind": "AGREEMENT",
                 "subjects": ["MILITARY_COOPERATION", "ARMS_TRADE"], "parties": ["RUS", "IRN"],
                 "signedOn": "2001-10-02", "place": "Moscow", "binding": true, "expiresOn": "2011-10-02",
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
        tokens.add(ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Agreement on military-technical cooperation (1989)", "kind": "AGREEMENT",
                 "subjects": ["MILITARY_COOPERATION"], "parties": ["SUN", "IRN"], "signedOn": "1989-06-21",
                 "binding": true, %s}""".formatted(SOVIET_AGREEMENT, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + SOVIET_AGREEMENT + "/entry-into-force",
                "{\"on\": \"1989-08\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Treaty on arms transfers in the Caspian region", "kind": "TREATY",
                 "subjects": ["ARMS_CONTROL"], "parties": ["RUS", "IRN", "ARM"], "signedOn": "2002-02-01",
                 "binding": true, %s}""".formatted(TREATY, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + TREATY + "/consents", """
                {"party": "IRN", "means": "RATIFICATION", "on": "2002-06", %s}""".formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + TREATY + "/entry-into-force",
                "{\"on\": \"2002-09\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/agreements/" + TREATY + "/suspensions", """
                {"party": "ARM", "on": "2004", "reason": "domestic objections", %s}""".formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/agreements/" + TREATY + "/withdrawals", """
                {"party": "RUS", "noticeOn": "2008-01-15", "effectiveOn": "2009-01-15", %s}"""
                .formatted(SIPRI_SOURCE))));
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
                {"statedOn": "2003-12", "dueFrom": "2005-01", "dueBy": "2006-05-01", "designation": "Tor-M1",
                 "quantity": 19, "note": "as the supplier stated it", %s}""".formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + TOR + "/expected-deliveries", """
                {"statedOn": "2003-11", "dueBy": "2005", "designation": "Tor-M1", %s}""".formatted(SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + TOR + "/suspension",
                "{\"on\": \"2004\", \"reason\": \"payment dispute\", " + SIPRI_SOURCE + "}")));
        // the deal's events: reported 0, framework 1, delivery 2, expected 3 and 4, suspended 5
        tokens.add(ok(post("/api/v1/records/" + TOR + "/retractions", """
                {"eventId": "%s", "reason": "the source withdrew this schedule", %s}"""
                .formatted(eventIdOf(TOR, 4), SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "REPORTED", "reportedOn": "2001",
                 "items": [{"designation": "S-300PMU-1", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(S300, SIPRI_SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + S300 + "/negotiation",
                "{\"on\": \"2005-06\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/deals/" + S300 + "/contract", "{\"on\": \"2007-12\", " + SIPRI_SOURCE + "}")));
        tokens.add(ok(post("/api/v1/deals/" + S300 + "/cancellation", """
                {"on": "2010-09-22", "reason": "decree barring the delivery", "embargoId": "%s", %s}"""
                .formatted(EMBARGO, UN))));
        tokens.add(ok(post("/api/v1/deals/notifications", """
                {"supplier": "USA", "recipient": "JPN", "items": [{"designation": "SM-6 Block I"}],
                 "notifiedOn": "2021-05", "notification": {"number": "21-40", "notifiedTo": "US Congress"},
                 "source": {"publisher": "Defense Security Cooperation Agency", "title": "Japan - SM-6",
                            "publishedOn": "2021-05"}, "grade": "A1"}""")));
        tokens.add(ok(post("/api/v1/statements", """
                {"id": "irn-rus-2011-s300-claim", "speaker": "IRN", "addressees": ["RUS"], "kind": "DEMAND",
                 "madeOn": "2011", "summary": "compensation for the cancelled S-300 contract", "agreementId": "%s",
                 "claim": {"amount": 4000000000, "currency": "USD", "nature": "CLAIMED"}, %s}"""
                .formatted(SUCCESSOR, SIPRI_SOURCE))));
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
        // Albania's S-70 order from the United States, one of three still to deliver: a TIV per unit to expect
        String s70 = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/analytics/backlog?recipient=ALB").getBody().path("deals").path(0)
                        .path("dealId").asText(), id -> !id.isEmpty());
        tokens.add(ok(post("/api/v1/deals/" + s70 + "/expected-deliveries", """
                {"statedOn": "2024-06", "dueBy": "2025", "quantity": 1, %s}""".formatted(SIPRI_SOURCE))));
    }

    /** A record on the topic that is no CloudEvent: the views park it. */
    private void parkAnUnreadableRecord() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(topic, POISON,
                    "{not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("origin", "answer-types".getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/admin/dead-letters?size=500").getBody().path("items")
                        .findValuesAsText("key"), keys -> keys.contains(POISON));
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
     * A later release of SIPRI's register with rows the releases before listed (one of them revised), one they did
     * not, one naming no known actor, and the rest of theirs no longer listed; a draft of the DSCA
     * notification of Korea's F-35 follow-on support, its NotifySale accepted under an id of its own with the
     * transmittal's number the press release leaves out; and a watchlist on Korea whose webhook (a local server
     * answering 204) receives the alert that sale raises, which is then read.
     */
    private void readTheLedgersAndTheWatchAnswers() throws Exception {
        List<String> register = new String(sipriSample(), StandardCharsets.ISO_8859_1).lines().toList();
        int header = register.indexOf(register.stream().filter(l -> l.startsWith("Recipient,Supplier")).findFirst()
                .orElseThrow());
        // four rows the releases before listed, one they did not
        List<String> rows = new ArrayList<>(register.subList(0, header + 5));
        rows.add(register.get(header + 40));
        // a release later than the two imported before: releases are imported in the order SIPRI published them
        rows.replaceAll(line -> line.startsWith("Data generated:") ? "Data generated: 1 Dec 2026 09:00:00 AM" : line);
        rows.add("Atlantis,United States,2019,,2,,Test-copter,transport helicopter,2,,2020,New,,1,2,2");
        ResponseEntity<JsonNode> started = startSipriImport(
                String.join("\r\n", rows).getBytes(StandardCharsets.ISO_8859_1), "sipri-few-rows.csv");
        answers.put("import-started", started.getBody());
        String job = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(job).getBody().path("status").asText().matches("DONE|FAILED"));
        read("import", job);
        read("import-rows", job + "/rows");
        JsonNode imported = answers.get("import");
        assertThat(imported.path("status").asText()).as(imported.toString()).isEqualTo("DONE");
        assertThat(imported.path("releaseId").asText()).isEqualTo("sipri-2026-12-01");
        assertThat(imported.path("charset").isTextual()).isTrue();
        assertThat(imported.path("finishedAt").isTextual()).isTrue();
        assertThat(imported.path("rowsTotal").asInt()).isEqualTo(6);
        JsonNode reported = answers.get("import-rows").path("items");
        assertThat(reported.findValuesAsText("outcome")).contains("IMPORTED", "UNCHANGED", "REVISED", "DROPPED",
                "REJECTED");
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

            ObjectNode request = json.createObjectNode();
            request.put("text", publishedText("intake/dsca-korea-f35-follow-on-support-2020.txt"));
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
        } else if (name.startsWith("agreements")) {
            return AgreementPageAnswer.class;
        } else if (name.equals("actors")) {
            return ActorController.ActorMatch[].class;
        } else if (name.equals("actor")) {
            return Actor.class;
        } else if (name.equals("agreement")) {
            return AgreementDocumentAnswer.class;
        } else if (name.startsWith("overview")) {
            return OverviewAnswer.class;
        } else if (name.startsWith("embargoes")) {
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

    /**
     * Every field of every answer record holds a value (a non-empty list or map) in some answer read: no record
     * declares a field that no sample shows.
     */
    @Test
    void everyFieldOfTheRecordsIsShownBySomeAnswer() throws Exception {
        Map<Class<?>, Set<String>> shown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
            collectShown(DyadJson.mapper().treeToValue(answer.getValue(), typeOf(answer.getKey())), shown);
        }
        List<String> unshown = new ArrayList<>();
        shown.forEach((type, fields) -> {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!fields.contains(component.getName())) {
                    unshown.add(type.getName().replaceAll(".*\\.", "") + "." + component.getName());
                }
            }
        });
        assertThat(unshown).as("fields no answer read shows").containsExactlyInAnyOrderElementsOf(NOT_SHOWN);
    }

    /**
     * Records, of the answer records (those of the views' answer package, and the ledger's and the watch module's
     * named {@code …Answer}, with theirs nested), the fields of each record that hold a value.
     */
    private static void collectShown(Object value, Map<Class<?>, Set<String>> shown) throws Exception {
        if (value instanceof Collection<?> values) {
            for (Object element : values) {
                collectShown(element, shown);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) {
                collectShown(element, shown);
            }
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                collectShown(element, shown);
            }
        } else if (value != null && value.getClass().isRecord()
                && (value.getClass().getPackageName().equals(DealAnswer.class.getPackageName())
                || value.getClass().getName().startsWith("org.dyad.")
                && value.getClass().getName().replaceAll("\\$.*", "").endsWith("Answer"))) {
            Set<String> fields = shown.computeIfAbsent(value.getClass(), type -> new TreeSet<>());
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object field = component.getAccessor().invoke(value);
                boolean empty = field == null || field instanceof Collection<?> c && c.isEmpty()
                        || field instanceof Map<?, ?> m && m.isEmpty();
                if (!empty) {
                    fields.add(component.getName());
                    collectShown(field, shown);
                }
            }
        }
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
            Class<?> type = typeOf(answer.getKey());
            Object typed = strict.treeToValue(answer.getValue(), type);
            JsonNode again = strict.valueToTree(typed);
            assertThat(again.equals(NUMBERS_BY_VALUE, answer.getValue()))
                    .as("%s written back from %s:%n%s%nas answered:%n%s", answer.getKey(), type.getSimpleName(), again,
                            answer.getValue()).isTrue();
        }));
    }
}
