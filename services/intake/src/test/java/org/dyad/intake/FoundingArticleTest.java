package org.dyad.intake;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The targets on the founding article (read from the shared reference directory at test time). */
class FoundingArticleTest {

    private static List<Proposal> proposals;

    @BeforeAll
    static void draft() {
        ReferenceTexts.Published article = ReferenceTexts.reference("seed-article-2001-russia-iran.txt",
                new TextSource("Los Angeles Times", "Russia, Iran Reach Military, Economic Accords", null,
                        LocalDate.parse("2001-03-13"), "en"));
        proposals = IntakeEngine.standard().draft(article.text(), article.source()).proposals();
    }

    private static List<Proposal> of(String command) {
        return proposals.stream().filter(p -> p.command().equals(command)).toList();
    }

    private static String quote(Proposal p) {
        return p.body().at("/source/quote").asText();
    }

    @Test
    void theTwoAgreementsOfMonday() {
        List<Proposal> signed = of("SignAgreement").stream()
                .filter(p -> p.body().at("/signedOn").asText().equals("2001-03-12")).toList();
        assertThat(signed).hasSize(2);
        for (Proposal p : signed) {
            assertThat(p.body().at("/parties").toString()).isEqualTo("[\"RUS\",\"IRN\"]");
            assertThat(p.evidence().get("/signedOn").quote()).isEqualTo("Monday");
        }
        assertThat(quote(signed.get(0))).startsWith("The first agreement sets out general principles");
        assertThat(quote(signed.get(1))).contains("Caspian Sea");
    }

    @Test
    void theArmsPackageThatCouldReachSevenBillion() {
        Proposal sale = of("ReportSale").stream().filter(p -> p.body().at("/supplier").asText().equals("RUS"))
                .findFirst().orElseThrow();
        assertThat(sale.body().at("/recipient").asText()).isEqualTo("IRN");
        assertThat(sale.body().at("/estimate/amount").decimalValue()).isEqualByComparingTo("7000000000");
        assertThat(sale.body().at("/estimate/qualifier").asText()).isEqualTo("COULD_REACH");
        assertThat(sale.evidence().get("/estimate/amount").quote()).isEqualTo("could reach $7 billion");
        assertThat(sale.body().at("/items/0/designation").asText()).isEqualTo("S-300");
        assertThat(quote(sale)).contains("could reach $7 billion");
    }

    @Test
    void theBushehrPledgeAndTheUsProtest() {
        Proposal pledge = of("RecordStatement").stream()
                .filter(p -> p.body().at("/kind").asText().equals("PLEDGE")).findFirst().orElseThrow();
        assertThat(pledge.body().at("/speaker").asText()).isEqualTo("RUS");
        assertThat(pledge.body().at("/addressees").toString()).isEqualTo("[\"IRN\"]");
        assertThat(quote(pledge)).contains("Bushehr");
        Proposal protest = of("RecordStatement").stream()
                .filter(p -> p.body().at("/kind").asText().equals("PROTEST")).findFirst().orElseThrow();
        assertThat(protest.body().at("/speaker").asText()).isEqualTo("USA");
        assertThat(protest.body().at("/condition").asText()).startsWith("if Russia sells Iran advanced conventional");
        assertThat(quote(protest)).contains("protest vigorously");
    }

    @Test
    void theSecret1995PactAndItsRenunciation() {
        Proposal pact = of("SignAgreement").stream().filter(p -> p.body().at("/signedOn").asText().equals("1995"))
                .findFirst().orElseThrow();
        assertThat(pact.body().at("/secret").asBoolean()).isTrue();
        assertThat(pact.body().at("/parties").toString()).isEqualTo("[\"RUS\",\"USA\"]");
        Proposal renounced = of("RenounceAgreement").get(0);
        assertThat(renounced.endpoint())
                .isEqualTo("POST /api/v1/agreements/" + pact.body().at("/id").asText() + "/renunciations");
        assertThat(renounced.body().at("/party").asText()).isEqualTo("RUS");
        assertThat(renounced.body().at("/on").asText()).isEqualTo("~2000-11");
        assertThat(quote(renounced)).contains("formally renounced the pact");
    }

    @Test
    void the1989ContractsWithTheSovietUnion() {
        List<Proposal> contracts = of("ReportSale").stream()
                .filter(p -> p.body().at("/reportedOn").asText().equals("1989")).toList();
        assertThat(contracts).hasSize(2);
        for (Proposal p : contracts) {
            assertThat(p.body().at("/supplier").asText()).isEqualTo("SUN");
            assertThat(p.body().at("/stage").asText()).isEqualTo("CONTRACTED");
            assertThat(p.evidence().get("/supplier").alternatives()).extracting(Alternative::value).contains("RUS");
            assertThat(p.evidence().get("/supplier").quote()).isEqualTo("Russian");
        }
        assertThat(contracts.get(1).body().at("/items/0/designation").asText()).isEqualTo("Kilo-class");
        assertThat(contracts.get(1).body().at("/items/0/quantity").asInt()).isEqualTo(3);
        assertThat(contracts.get(1).evidence().get("/items/0/quantity").quote())
                .isEqualTo("three Kilo-class diesel submarines");
    }
}
