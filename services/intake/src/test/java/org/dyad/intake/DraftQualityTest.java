package org.dyad.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the drafts against the facts an analyst would record from each text (src/test/resources/org/dyad/intake/
 * expected/*.json): precision and recall per field and per kind of text, printed, and held to thresholds set from
 * the measured values. A field is right when the proposal matched to the expected one (same command, most fields in
 * common) carries the expected value; actor lists compare as sets; {@code @endpoint} is the proposal's method and
 * path; the quote is right when it holds the expected words. Unmatched proposals count against precision with each
 * of their fields that the expectations check. Texts marked {@code heldOut} were written after the rules and are
 * reported apart, without thresholds.
 */
class DraftQualityTest {

    static final List<String> EXPECTATIONS = List.of(
            "seed-article-2001-russia-iran.json",
            "dsca-korea-f35-follow-on-support-2020.json",
            "federal-register-transmittal-20-23-korea-2020.json",
            "dsca-saudi-arabia-thaad-2017.json",
            "dsca-bulgaria-f16-2019.json",
            "federal-register-bulgaria-f16-2019.json",
            "news-india-rafale-2016.json",
            "news-turkey-s400-2019.json",
            "news-inf-withdrawal-2019.json",
            "dsca-poland-f35-2019.json",
            "news-poland-patriot-2018.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IntakeEngine ENGINE = IntakeEngine.standard();

    /** True and false positives and negatives of one field or kind. */
    static final class Count {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1 : (double) truePositives / expected;
        }

        void add(Count other) {
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            falseNegatives += other.falseNegatives;
        }
    }

    /** Counts by "kind field" and by "kind" (and "kind (held out)"). */
    static final Map<String, Count> BY_FIELD = new TreeMap<>();
    static final Map<String, Count> BY_KIND = new TreeMap<>();
    static final Map<String, Count> PROPOSALS_BY_KIND = new TreeMap<>();

    @BeforeAll
    static void measure() throws IOException {
        for (String name : EXPECTATIONS) {
            JsonNode expected = read(name);
            ReferenceTexts.Published text = text(expected);
            Draft draft = ENGINE.draft(text.text(), text.source());
            String kind = expected.get("kind").asText() + (expected.path("heldOut").asBoolean() ? " (held out)" : "");
            assertThat(draft.kind().name()).as("kind of " + name).isEqualTo(expected.get("kind").asText());
            score(kind, expected.get("proposals"), draft.proposals());
        }
        System.out.println(table());
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = DraftQualityTest.class.getResourceAsStream("expected/" + name)) {
            assertThat(in).as("expected facts " + name).isNotNull();
            return JSON.readTree(in);
        }
    }

    static ReferenceTexts.Published text(JsonNode expected) {
        if (expected.has("written")) {
            return ReferenceTexts.written(expected.get("written").asText());
        }
        TextSource whenHeaderless = new TextSource(expected.path("publisher").asText(null),
                expected.path("title").asText(null), null,
                expected.has("published") ? LocalDate.parse(expected.get("published").asText()) : null, "en");
        return ReferenceTexts.reference(expected.get("reference").asText(), whenHeaderless);
    }

    private static void score(String kind, JsonNode expectedProposals, List<Proposal> actual) {
        List<Proposal> unmatched = new ArrayList<>(actual);
        Map<String, Set<String>> checkedFields = new TreeMap<>();
        Count proposals = PROPOSALS_BY_KIND.computeIfAbsent(kind, k -> new Count());
        for (JsonNode expected : expectedProposals) {
            String command = expected.get("command").asText();
            Set<String> checked = checkedFields.computeIfAbsent(command, c -> new HashSet<>());
            expected.get("fields").fieldNames().forEachRemaining(checked::add);
            Proposal best = null;
            int bestScore = -1;
            for (Proposal candidate : unmatched) {
                if (candidate.command().equals(command)) {
                    int score = agreements(expected, candidate);
                    if (score > bestScore) {
                        best = candidate;
                        bestScore = score;
                    }
                }
            }
            if (best == null) {
                proposals.falseNegatives++;
            } else {
                proposals.truePositives++;
                unmatched.remove(best);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.get("fields").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = best == null ? null : value(best, field.getKey());
                count(kind, field.getKey(), value, same(field.getValue(), value));
            }
            if (expected.has("quote")) {
                String quote = best == null ? null : best.body().path("source").path("quote").asText(null);
                count(kind, "/source/quote", quote == null ? null : JSON.getNodeFactory().textNode(quote),
                        quote != null && quote.contains(expected.get("quote").asText()));
            }
        }
        for (Proposal extra : unmatched) {
            proposals.falsePositives++;
            for (String field : checkedFields.getOrDefault(extra.command(), Set.of())) {
                if (value(extra, field) != null) {
                    Count count = BY_FIELD.computeIfAbsent(kind + " " + normalise(field), k -> new Count());
                    count.falsePositives++;
                    BY_KIND.computeIfAbsent(kind, k -> new Count()).falsePositives++;
                }
            }
        }
    }

    private static int agreements(JsonNode expected, Proposal candidate) {
        int score = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = expected.get("fields").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (same(field.getValue(), value(candidate, field.getKey()))) {
                score++;
            }
        }
        if (expected.has("quote") && candidate.body().path("source").path("quote").asText("")
                .contains(expected.get("quote").asText())) {
            score += 2;
        }
        return score;
    }

    private static void count(String kind, String field, JsonNode value, boolean right) {
        Count count = BY_FIELD.computeIfAbsent(kind + " " + normalise(field), k -> new Count());
        Count total = BY_KIND.computeIfAbsent(kind, k -> new Count());
        if (right) {
            count.truePositives++;
            total.truePositives++;
        } else {
            count.falseNegatives++;
            total.falseNegatives++;
            if (value != null && !value.isMissingNode() && !value.isNull()) {
                count.falsePositives++;
                total.falsePositives++;
            }
        }
    }

    static JsonNode value(Proposal proposal, String field) {
        if (field.equals("@endpoint")) {
            return JSON.getNodeFactory().textNode(proposal.endpoint());
        }
        JsonNode node = proposal.body().at(field);
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    static boolean same(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isArray() && actual.isArray()) {
            Set<String> a = new HashSet<>();
            Set<String> b = new HashSet<>();
            expected.forEach(n -> a.add(n.asText()));
            actual.forEach(n -> b.add(n.asText()));
            return a.equals(b) && expected.size() == actual.size();
        }
        return expected.asText().equals(actual.asText()) && expected.isBoolean() == actual.isBoolean();
    }

    private static String normalise(String field) {
        return field.replaceAll("/\\d+(?=/|$)", "/*");
    }

    static String table() {
        StringBuilder out = new StringBuilder("\nIntake quality: precision / recall per field and per kind of text\n");
        out.append(String.format("%-52s %9s %9s %4s %4s %4s%n", "kind and field", "precision", "recall", "tp", "fp", "fn"));
        BY_FIELD.forEach((field, c) -> out.append(row(field, c)));
        out.append("\n");
        BY_KIND.forEach((kind, c) -> out.append(row(kind + " (all fields)", c)));
        PROPOSALS_BY_KIND.forEach((kind, c) -> out.append(row(kind + " (proposals)", c)));
        return out.toString();
    }

    private static String row(String name, Count c) {
        return String.format("%-52s %9.3f %9.3f %4d %4d %4d%n", name, c.precision(), c.recall(), c.truePositives,
                c.falsePositives, c.falseNegatives);
    }

    private static Count field(String kind, String field) {
        Count count = BY_FIELD.get(kind + " " + field);
        assertThat(count).as("no measurement of " + field + " on " + kind).isNotNull();
        return count;
    }

    @Test
    void notificationsGetRecipientValueItemsAndQuantitiesRight() {
        Count notifications = new Count();
        for (String kind : List.of("DSCA_NOTIFICATION", "FEDERAL_REGISTER_TRANSMITTAL")) {
            for (String f : List.of("/recipient", "/estimate/amount", "/estimate/currency", "/estimate/qualifier",
                    "/items/*/designation", "/items/*/quantity")) {
                notifications.add(field(kind, f));
            }
        }
        assertThat(notifications.recall()).as("recall of recipient, value, items and quantities").isGreaterThanOrEqualTo(0.95);
        assertThat(notifications.precision()).as("precision of recipient, value, items and quantities").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void eachKindOfTextMeetsItsThresholds() {
        // thresholds a little under the measured values (see docs/intake.md), so that a rule that breaks fails here
        assertThat(BY_KIND.get("DSCA_NOTIFICATION").recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(BY_KIND.get("DSCA_NOTIFICATION").precision()).isGreaterThanOrEqualTo(0.95);
        // the Korean transmittal's excerpt does not say when Congress was notified: one field of 24 is missed
        assertThat(BY_KIND.get("FEDERAL_REGISTER_TRANSMITTAL").recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(BY_KIND.get("FEDERAL_REGISTER_TRANSMITTAL").precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(BY_KIND.get("NEWS_REPORT").recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(BY_KIND.get("NEWS_REPORT").precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(PROPOSALS_BY_KIND.get("NEWS_REPORT").recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(PROPOSALS_BY_KIND.get("NEWS_REPORT").precision()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void quotesHoldTheWordsThatSupportEachProposal() {
        Count quotes = new Count();
        BY_FIELD.forEach((field, count) -> {
            if (field.endsWith("/source/quote") && !field.contains("held out")) {
                quotes.add(count);
            }
        });
        assertThat(quotes.recall()).isGreaterThanOrEqualTo(0.95);
    }
}
