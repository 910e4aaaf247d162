package org.dyad.intake;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle verbs of agreements and deals in news text, on a short text with real facts. */
class NewsRulesTest {

    private static final String TEXT = "Russia and China signed a friendship treaty in Moscow on July 16, 2001. "
            + "Russia ratified the treaty in January 2002. The treaty entered into force in February 2002. "
            + "In June 2021 Russia extended the treaty for five years. "
            + "India cancelled its tender for 126 Rafale jets in 2015.";

    private static List<Proposal> draft() {
        return IntakeEngine.standard().draft(TEXT, TextSource.publishedOn(LocalDate.parse("2021-06-29")))
                .proposals();
    }

    @Test
    void transitionsOfAnAgreementPointAtItsSignature() {
        List<Proposal> proposals = draft();
        assertThat(proposals).extracting(Proposal::command).containsExactly("SignAgreement",
                "RecordConsentToBeBound", "EnterIntoForce", "ExtendAgreement", "CancelDeal");
        Proposal treaty = proposals.get(0);
        assertThat(treaty.body().at("/kind").asText()).isEqualTo("TREATY");
        assertThat(treaty.body().at("/parties").toString()).isEqualTo("[\"RUS\",\"CHN\"]");
        assertThat(treaty.body().at("/signedOn").asText()).isEqualTo("2001-07-16");
        assertThat(treaty.body().at("/place").asText()).isEqualTo("Moscow");
        String id = treaty.body().at("/id").asText();
        Proposal ratified = proposals.get(1);
        assertThat(ratified.endpoint()).isEqualTo("POST /api/v1/agreements/" + id + "/consents");
        assertThat(ratified.body().at("/party").asText()).isEqualTo("RUS");
        assertThat(ratified.body().at("/means").asText()).isEqualTo("RATIFICATION");
        assertThat(ratified.body().at("/on").asText()).isEqualTo("2002-01");
        assertThat(proposals.get(2).endpoint()).isEqualTo("POST /api/v1/agreements/" + id + "/entry-into-force");
        assertThat(proposals.get(2).body().at("/on").asText()).isEqualTo("2002-02");
        assertThat(proposals.get(3).endpoint()).isEqualTo("POST /api/v1/agreements/" + id + "/extensions");
        assertThat(proposals.get(3).body().at("/on").asText()).isEqualTo("2021-06");
        assertThat(proposals.get(3).notes()).anyMatch(note -> note.contains("expiresOn"));
    }

    @Test
    void aCancellationLeavesTheDealToChoose() {
        Proposal cancelled = draft().get(4);
        assertThat(cancelled.endpoint()).isEqualTo("POST /api/v1/deals/{dealId}/cancellation");
        assertThat(cancelled.body().at("/on").asText()).isEqualTo("2015");
        assertThat(cancelled.body().at("/reason").asText()).startsWith("cancelled its tender for 126 Rafale jets");
        assertThat(cancelled.notes()).anyMatch(note -> note.startsWith("choose the deal"));
    }
}
