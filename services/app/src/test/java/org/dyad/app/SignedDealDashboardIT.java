package org.dyad.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal's signer in a real headless Chromium: the relationship explorer's deal card for India's S-400 contract of
 * 2018-10-05 reads "signed by Rosoboronexport (RUS)".
 */
@Tag("browser")
class SignedDealDashboardIT extends BrowserIntegrationTest {

    @Test
    void theDealCardNamesTheAgencyThatSignedItAndItsState() {
        String deal = uniqueId("s400-signed");
        String token = ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "CONTRACTED", "reportedOn": "2018-10-05",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}],
                 "signedBy": "GRO", %s}""".formatted(deal, SIPRI_SOURCE)));
        getConsistent("/api/v1/deals/" + deal, token);

        chromium.open(port, "/?page=relationship&a=RUS&b=IND");
        chromium.signIn("viewer", "viewer-local");
        String card = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                        By.cssSelector("article.deal[data-deal='" + deal + "'] .signed-by")).stream()
                        .map(e -> e.getText()).filter(text -> text.contains("Rosoboronexport")).findFirst()
                        .orElse(null));
        assertThat(card).contains("signed by Rosoboronexport (RUS)");
    }
}
