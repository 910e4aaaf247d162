package org.dyad.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchlists page in a real headless Chromium: a viewer makes a watchlist on a pair, a matching deal is recorded
 * over HTTP, and its alert appears on the open page without a reload (pushed on the live feed); marking it read
 * moves it out of the unread ones.
 */
@Tag("browser")
class WatchlistsDashboardIT extends BrowserIntegrationTest {

    @Test
    void aWatchlistMadeOnThePageShowsTheAlertOfAMatchingDealAsItComes() {
        chromium.open(port, "/?page=watchlists");
        chromium.signIn("viewer", "viewer-local");
        WebElement form = chromium.waitFor(By.cssSelector("#watchlists form.watch-form"));
        form.findElement(By.name("name")).sendKeys("Brazil and Sweden");
        form.findElement(By.name("pairA")).sendKeys("BRA");
        form.findElement(By.name("pairB")).sendKeys("SWE");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(90));
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("#watchlists ul.watchlists li")).stream()
                .anyMatch(li -> li.getText().contains("Brazil and Sweden") && li.getText().contains("BRA ↔ SWE")));
        // the live feed is open before the deal is recorded
        wait.until(d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));

        String deal = uniqueId("gripen");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "SWE", "recipient": "BRA", "reportedOn": "2014-10",
                 "items": [{"designation": "Gripen E", "description": "FGA aircraft", "quantity": 36}], %s}"""
                .formatted(deal, SIPRI_SOURCE)));

        WebElement alert = new WebDriverWait(chromium.driver(), Duration.ofSeconds(90))
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                        By.cssSelector("#watchlists ul.alerts li.unread")).stream()
                        .filter(li -> li.getText().contains(deal)).findFirst().orElse(null));
        assertThat(alert.getText()).contains("Brazil and Sweden").contains("Sweden → Brazil").contains("Gripen E");

        alert.findElement(By.cssSelector("button.mark-read")).click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#watchlists ul.alerts li.read")).stream()
                        .anyMatch(li -> li.getText().contains(deal)));
        List<WebElement> unread = chromium.driver().findElements(By.cssSelector("#watchlists ul.alerts li.unread"));
        assertThat(unread).noneMatch(li -> li.getText().contains(deal));
    }
}
