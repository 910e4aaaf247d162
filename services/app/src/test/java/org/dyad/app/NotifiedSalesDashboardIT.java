package org.dyad.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deals page filtered by NOTIFIED in a real headless Chromium: Korea's F-35 follow-on support, notified to the
 * US Congress on 2020-04-10 as transmittal 20-23, shows as "notified" with its number and age, and only notified
 * sales are listed.
 */
@Tag("browser")
class NotifiedSalesDashboardIT extends BrowserIntegrationTest {

    @Test
    void theStatusFilterListsNotifiedSalesWithTheirNumberAndAge() {
        String deal = uniqueId("usa-kor-f-35-support");
        String token = ok(post("/api/v1/deals/notifications", """
                {"id": "%s", "supplier": "USA", "recipient": "KOR",
                 "items": [{"designation": "F-35 follow-on support", "description": "sustainment"}],
                 "notifiedOn": "2020-04-10", "notification": {"number": "20-23", "notifiedTo": "US Congress"},
                 "estimate": {"amount": 675000000, "currency": "USD", "qualifier": "ESTIMATED_TOTAL_COST"},
                 "source": {"publisher": "Defense Security Cooperation Agency",
                            "title": "Republic of Korea – F-35 Follow-On Support", "publishedOn": "2020-04-10"},
                 "grade": "A1"}""".formatted(deal)));
        ok(post("/api/v1/deals", """
                {"supplier": "USA", "recipient": "KOR", "reportedOn": "2018-06",
                 "items": [{"designation": "AH-64E", "description": "combat helicopter", "quantity": 36}], %s}"""
                .formatted(SIPRI_SOURCE)));
        getConsistent("/api/v1/deals/" + deal, token);

        chromium.open(port, "/?page=deals");
        chromium.signIn("viewer", "viewer-local");
        WebElement filters = chromium.waitFor(By.id("deal-filters"));
        new Select(filters.findElement(By.name("status"))).selectByVisibleText("NOTIFIED");
        filters.findElement(By.name("supplier")).sendKeys("USA");
        filters.findElement(By.name("recipient")).sendKeys("KOR", Keys.ENTER);

        long days = ChronoUnit.DAYS.between(LocalDate.parse("2020-04-10"), LocalDate.now());
        List<String> rows = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class).until(d -> {
                    List<String> texts = d.findElements(By.cssSelector("#deals-table .tabulator-row")).stream()
                            .map(WebElement::getText).toList();
                    return texts.stream().anyMatch(t -> t.contains("F-35 follow-on support"))
                            && texts.stream().noneMatch(t -> t.contains("AH-64E")) ? texts : null;
                });
        assertThat(rows).allSatisfy(row -> assertThat(row).contains("notified"));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("F-35 follow-on support")
                .contains("(20-23, " + days + " days)"));
    }
}
