package org.dyad.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts analysts record beside deals and agreements, in a real headless Chromium: the relationship explorer
 * shows the embargoes in force between a pair on the date chosen, and a deal card names the embargo its
 * cancellation cites (UN Security Council resolution 1929 on Iran, 2010-06-09, lifted 2020-10-18; the S-300
 * delivery barred on 2010-09-22) and a statement shows the amount it claims; the pending deals show each deal's
 * expected delivery.
 */
@Tag("browser")
class FactsDashboardIT extends BrowserIntegrationTest {

    private static final String UN = """
            "source": {"publisher": "United Nations", "title": "Security Council resolution 1929 (2010)",
                       "publishedOn": "2010-06-09"}, "grade": "A1\"""";

    private static boolean signedIn;

    /** Opens a page; the first one asks to sign in, and the browser keeps the session for the others. */
    private void open(String path) {
        chromium.open(port, path);
        if (!signedIn) {
            chromium.signIn("viewer", "viewer-local");
            signedIn = true;
        }
    }

    @Test
    void theRelationshipShowsTheEmbargoInForceOnTheDateChosenAndTheDealThatCitesIt() {
        String embargo = uniqueId("unsc-1929");
        String deal = uniqueId("s300");
        ok(post("/api/v1/embargoes", """
                {"id": "%s", "imposedBy": "QUN", "targets": ["IRN"], "from": "2010-06-09", "measures": ["ARMS"],
                 "legalBasis": "UN Security Council resolution 1929", %s}""".formatted(embargo, UN)));
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IRN", "stage": "CONTRACTED", "reportedOn": "2007-12",
                 "items": [{"designation": "S-300PMU-1", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, SIPRI_SOURCE)));
        ok(post("/api/v1/deals/" + deal + "/cancellation", """
                {"on": "2010-09-22", "reason": "decree barring the delivery", "embargoId": "%s", %s}"""
                .formatted(embargo, UN)));
        String claim = uniqueId("irn-claim");
        // Iran claimed about $4 billion from Rosoboronexport in 2011 over the cancelled contract
        ok(post("/api/v1/statements", """
                {"id": "%s", "speaker": "IRN", "addressees": ["RUS"], "kind": "DEMAND", "madeOn": "2011",
                 "summary": "compensation for the cancelled S-300 contract (%s)",
                 "claim": {"amount": 4000000000, "currency": "USD", "nature": "CLAIMED"}, %s}"""
                .formatted(claim, claim, UN)));
        String lifted = ok(post("/api/v1/embargoes/" + embargo + "/lifting",
                "{\"on\": \"2020-10-18\", \"reason\": \"terminated under resolution 2231 (2015)\", " + UN + "}"));
        getConsistent("/api/v1/embargoes/" + embargo, lifted);

        open("/?page=relationship&a=RUS&b=IRN&asOf=2015-01-01");
        WebElement listed = chromium.waitFor(By.cssSelector("#embargoes li[data-embargo='" + embargo + "']"));
        assertThat(listed.getText()).contains("QUN").contains("IRN").contains("in force")
                .contains("UN Security Council resolution 1929");
        WebElement card = chromium.waitFor(By.cssSelector("article.deal[data-deal='" + deal + "']"));
        assertThat(card.getText()).contains("cancelled").contains("citing embargo " + embargo);

        assertThat(chromium.waitFor(By.id("statements")).getText()).contains(claim).contains("claimed $4 billion");

        chromium.open(port, "/?page=relationship&a=RUS&b=IRN&asOf=2021-01-01");
        chromium.waitFor(By.xpath("//h2[text()='Embargoes in force']"));
        assertThat(chromium.driver().findElements(By.cssSelector("li[data-embargo='" + embargo + "']")))
                .as("lifted on 2020-10-18").isEmpty();

        List<String> violations = chromium.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void thePendingDealsShowTheExpectedDelivery() {
        // India's S-400 order of 2018-10-05; the expectation's dates and quantity are test facts
        String deal = uniqueId("s400");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "IND", "stage": "CONTRACTED", "reportedOn": "2018-10-05",
                 "items": [{"designation": "S-400", "description": "SAM system", "quantity": 5}], %s}"""
                .formatted(deal, SIPRI_SOURCE)));
        String token = ok(post("/api/v1/deals/" + deal + "/expected-deliveries", """
                {"statedOn": "2023-03", "dueBy": "2025-03", "designation": "S-400", "quantity": 2, %s}"""
                .formatted(SIPRI_SOURCE)));
        getConsistent("/api/v1/deals/" + deal, token);

        open("/?page=deals");
        WebElement filters = chromium.waitFor(By.id("deal-filters"));
        filters.findElement(By.name("supplier")).sendKeys("RUS");
        filters.findElement(By.name("recipient")).sendKeys("IND", Keys.ENTER);
        // the table redraws its rows when the filtered page arrives: read the row's text in the wait
        String row = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                        By.cssSelector("#deals-table .tabulator-row")).stream().map(WebElement::getText)
                        .filter(text -> text.contains("IND") && text.contains("2 × S-400"))
                        .findFirst().orElse(null));
        assertThat(row).contains("2 × S-400 by Mar 2025");
    }
}
