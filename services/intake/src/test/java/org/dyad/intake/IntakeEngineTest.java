package org.dyad.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeEngineTest {

    private static final IntakeEngine ENGINE = IntakeEngine.standard();
    private static final TextSource WIRE = new TextSource("Test Wire", "Test", "https://example.org/a",
            LocalDate.parse("2016-09-24"), "en");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void refusesEmptyOversizedAndNonTextInput() {
        assertThatThrownBy(() -> ENGINE.draft("  \n ", WIRE)).isInstanceOf(InvalidTextException.class)
                .hasMessage("text: must not be empty")
                .extracting(e -> ((InvalidTextException) e).field()).isEqualTo("text");
        assertThatThrownBy(() -> ENGINE.draft(null, WIRE)).isInstanceOf(InvalidTextException.class);
        String huge = "India ordered 36 Rafale jets from France. ".repeat(IntakeEngine.MAX_TEXT_CHARS / 40);
        assertThat(huge.length()).isGreaterThan(IntakeEngine.MAX_TEXT_CHARS);
        assertThatThrownBy(() -> ENGINE.draft(huge, WIRE)).isInstanceOf(InvalidTextException.class)
                .hasMessageContaining("the limit is " + IntakeEngine.MAX_TEXT_CHARS);
        assertThatThrownBy(() -> ENGINE.draft("PK\u0003\u0004\u0000binary", WIRE))
                .isInstanceOf(InvalidTextException.class).hasMessageContaining("plain text");
        assertThatThrownBy(() -> ENGINE.draft("India ordered jets.", null))
                .isInstanceOf(InvalidTextException.class).hasMessageStartingWith("source:");
        assertThatThrownBy(() -> ENGINE.draft("L'Inde a commandé 36 Rafale.",
                new TextSource(null, null, null, LocalDate.parse("2016-09-24"), "fr")))
                .isInstanceOf(InvalidTextException.class).hasMessageStartingWith("source.language:");
    }

    @Test
    void aTextAtTheLimitIsDrafted() {
        String sentence = "India signed a deal with France on Friday to buy 36 Rafale fighter jets. ";
        String text = sentence + " ".repeat(IntakeEngine.MAX_TEXT_CHARS - sentence.length());
        assertThat(ENGINE.draft(text, WIRE).proposals()).hasSize(1);
    }

    @Test
    void markupAndScriptAreCarriedAsPlainText() throws Exception {
        String text = "India signed a deal with France on Friday to buy 36 Rafale fighter jets "
                + "<script>alert('x')</script> for <b>€7.87 billion</b>.";
        Draft draft = ENGINE.draft(text, WIRE);
        Proposal sale = draft.proposals().get(0);
        String quote = sale.body().at("/source/quote").asText();
        assertThat(quote).contains("<script>alert('x')</script>").contains("<b>€7.87 billion</b>");
        String json = JSON.writeValueAsString(draft);
        JsonNode read = JSON.readTree(json);
        assertThat(read.at("/proposals/0/body/source/quote").asText()).isEqualTo(quote);
        assertThat(read.at("/proposals/0/body/estimate/amount").decimalValue()).isEqualByComparingTo("7870000000");
    }

    @Test
    void theDraftIsJsonWithEvidenceForEveryField() throws Exception {
        String text = "India signed a deal with France on Friday to buy 36 Rafale fighter jets for €7.87 billion "
                + "(about Rs 59,000 crore).";
        JsonNode draft = JSON.readTree(JSON.writeValueAsString(ENGINE.draft(text, WIRE)));
        assertThat(draft.get("kind").asText()).isEqualTo("NEWS_REPORT");
        JsonNode proposal = draft.at("/proposals/0");
        assertThat(proposal.get("command").asText()).isEqualTo("ReportSale");
        assertThat(proposal.get("endpoint").asText()).isEqualTo("POST /api/v1/deals");
        JsonNode supplier = proposal.at("/evidence/~1supplier");
        assertThat(supplier.at("/spans/0/start").asInt()).isEqualTo(text.indexOf("France"));
        assertThat(supplier.get("quote").asText()).isEqualTo("France");
        assertThat(supplier.get("confidence").asDouble()).isBetween(0.5, 1.0);
        JsonNode amount = proposal.at("/evidence/~1estimate~1amount");
        assertThat(amount.get("quote").asText()).isEqualTo("€7.87 billion");
        assertThat(amount.at("/alternatives/0/value").asText()).isEqualTo("590000000000 INR");
        assertThat(proposal.at("/body/reportedOn").asText()).isEqualTo("2016-09-23");
    }

    @Test
    void everySpanLiesInTheTextAndSingleSpanQuotesAreItsWords() {
        for (String name : List.of("news-india-rafale-2016.txt", "news-turkey-s400-2019.txt",
                "news-inf-withdrawal-2019.txt", "dsca-saudi-arabia-thaad-2017.txt",
                "federal-register-bulgaria-f16-2019.txt")) {
            ReferenceTexts.Published text = ReferenceTexts.written(name);
            Draft draft = ENGINE.draft(text.text(), text.source());
            assertThat(draft.proposals()).as(name).isNotEmpty();
            for (Proposal proposal : draft.proposals()) {
                for (Map.Entry<String, FieldEvidence> field : proposal.evidence().entrySet()) {
                    assertThat(proposal.body().at(field.getKey()).isMissingNode())
                            .as(name + " " + proposal.id() + " has evidence for a field it lacks: " + field.getKey())
                            .isFalse();
                    FieldEvidence evidence = field.getValue();
                    for (Span span : evidence.spans()) {
                        assertThat(span.end()).isLessThanOrEqualTo(text.text().length());
                    }
                    if (evidence.spans().size() == 1 && evidence.quote() != null) {
                        assertThat(evidence.quote()).as(name + " " + field.getKey())
                                .isEqualTo(evidence.spans().get(0).of(text.text()));
                    }
                }
            }
        }
    }

    @Test
    void bodiesReadAsDyadsValueTypes() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        for (String name : List.of("news-india-rafale-2016.txt", "news-turkey-s400-2019.txt",
                "news-inf-withdrawal-2019.txt", "dsca-bulgaria-f16-2019.txt")) {
            ReferenceTexts.Published text = ReferenceTexts.written(name);
            for (Proposal proposal : ENGINE.draft(text.text(), text.source()).proposals()) {
                JsonNode body = proposal.body();
                Source source = json.treeToValue(body.get("source"), Source.class);
                assertThat(text.text()).contains(source.quote().substring(0, Math.min(40, source.quote().length())));
                for (JsonNode item : body.path("items")) {
                    assertThat(json.treeToValue(item, DealItem.class).designation()).isNotBlank();
                }
                for (String date : List.of("/signedOn", "/reportedOn", "/notifiedOn", "/on", "/madeOn",
                        "/noticeOn", "/effectiveOn", "/tranche/deliveredOn")) {
                    if (!body.at(date).isMissingNode()) {
                        assertThat(PartialDate.parse(body.at(date).asText())).isNotNull();
                    }
                }
                assertThat(proposal.endpoint()).matches("POST /api/v1/[a-z/{}0-9-]+");
            }
        }
    }

    @Test
    void negatedAndConditionalVerbsProposeNothingOfTheirOwn() {
        String text = "No arms contracts are expected to be signed during the visit. "
                + "Washington said it would object if Russia sells Iran 40 tanks.";
        Draft draft = ENGINE.draft(text, WIRE);
        assertThat(draft.proposals()).extracting(Proposal::command).doesNotContain("ReportSale", "SignAgreement");
    }

    @Test
    void aDscaReleaseThatGivesItsTransmittalNumberKeepsIt() {
        String text = ReferenceTexts.written("dsca-bulgaria-f16-2019.txt").text()
                .replace("(Source: Defense Security Cooperation Agency;", "(Transmittal No. 19-15; Source: Defense Security Cooperation Agency;");
        Draft draft = ENGINE.draft(text, WIRE);
        assertThat(draft.kind()).isEqualTo(TextKind.DSCA_NOTIFICATION);
        assertThat(draft.proposals().get(0).body().at("/notification/number").asText()).isEqualTo("19-15");
    }

    @Test
    void theAnalystMayNameTheKindOfText() {
        String text = ReferenceTexts.written("dsca-bulgaria-f16-2019.txt").text();
        Draft asNews = ENGINE.draft(text, WIRE, TextKind.NEWS_REPORT);
        assertThat(asNews.kind()).isEqualTo(TextKind.NEWS_REPORT);
        assertThat(asNews.kindConfidence()).isEqualTo(1.0);
        assertThat(asNews.proposals()).extracting(Proposal::command).doesNotContain("NotifySale");
    }

    @Test
    void aSourceWithoutPublisherOrTitleIsPointedOut() {
        Draft draft = ENGINE.draft("India signed a deal with France on Friday to buy 36 Rafale fighter jets.",
                TextSource.publishedOn(LocalDate.parse("2016-09-24")));
        assertThat(draft.proposals().get(0).notes()).contains(
                "give the source's publisher and title: every recorded fact needs them");
    }

    @Test
    void recognisesTheKindOfText() {
        assertThat(ENGINE.draft(ReferenceTexts.written("dsca-bulgaria-f16-2019.txt").text(), WIRE).kind())
                .isEqualTo(TextKind.DSCA_NOTIFICATION);
        assertThat(ENGINE.draft(ReferenceTexts.written("federal-register-bulgaria-f16-2019.txt").text(), WIRE).kind())
                .isEqualTo(TextKind.FEDERAL_REGISTER_TRANSMITTAL);
        assertThat(ENGINE.draft("Nothing happened on Monday.", WIRE))
                .satisfies(d -> assertThat(d.kind()).isEqualTo(TextKind.NEWS_REPORT))
                .satisfies(d -> assertThat(d.proposals()).isEmpty());
    }
}
