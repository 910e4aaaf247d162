package org.dyad.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.web.answer.AgreementDocumentAnswer;
import org.dyad.views.web.answer.AgreementPageAnswer;
import org.dyad.views.web.answer.DealAnswer;
import org.dyad.views.web.answer.DealPageAnswer;
import org.dyad.views.web.answer.OverviewAnswer;
import org.dyad.views.web.answer.PartnerPageAnswer;
import org.dyad.views.web.answer.RelationshipAnswer;
import org.dyad.views.web.answer.TimelineAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
