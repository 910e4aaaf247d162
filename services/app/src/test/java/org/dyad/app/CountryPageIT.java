package org.dyad.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The country page in a real headless Chromium at its own address, {@code /actors/KGZ}: Kyrgyzstan's suppliers with
 * links to each pair, its pending deal, the dependence chart (one supplier per window: an index of 10,000) and the
 * backlog by expected year; as of a date before the second deal, that supplier is absent. The deals are test facts;
 * no other test records deals with Kyrgyzstan.
 */
@Tag("browser")
class CountryPageIT extends BrowserIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

    @Test
    void theCountryPageShowsPartnersDependenceAndBacklogAsOfAnyDate() {
        String btr = uniqueId("btr80");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "RUS", "recipient": "KGZ", "stage": "CONTRACTED", "reportedOn": "2017",
                 "items": [{"designation": "BTR-80", "description": "APC", "quantity": 10}],
                 "estimate": {"amount": 50, "currency": "TIV", "qualifier": "EXACT"}, %s}""".formatted(btr, SIPRI_SOURCE)));
        ok(post("/api/v1/deals/" + btr + "/deliveries", """
                {"tranche": {"deliveredOn": "2019", "items": [{"designation": "BTR-80", "quantity": 4}]}, %s}"""
                .formatted(SIPRI_SOURCE)));
        ok(post("/api/v1/deals/" + btr + "/expected-deliveries", """
                {"statedOn": "2022", "dueBy": "2026", "designation": "BTR-80", "quantity": 6, %s}"""
                .formatted(SIPRI_SOURCE)));
        String vn = uniqueId("vn2");
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "CHN", "recipient": "KGZ", "stage": "CONTRACTED", "reportedOn": "2020-06",
                 "items": [{"designation": "VN-2", "description": "APC", "quantity": 5}],
                 "estimate": {"amount": 25, "currency": "TIV", "qualifier": "EXACT"}, %s}""".formatted(vn, SIPRI_SOURCE)));
        String token = ok(post("/api/v1/deals/" + vn + "/deliveries", """
                {"tranche": {"deliveredOn": "2021", "items": [{"designation": "VN-2", "quantity": 5}]}, %s}"""
                .formatted(SIPRI_SOURCE)));
        getConsistent("/api/v1/analytics/dependence?recipient=KGZ", token);

        chromium.open(port, "/actors/KGZ");
        chromium.signIn("viewer", "viewer-local");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class).until(d -> suppliers().size() == 2);
        assertThat(suppliers()).containsExactlyInAnyOrder("RUS", "CHN");
        WebElement pairLink = browser.findElement(By.cssSelector("#country-suppliers tr[data-partner='RUS'] a"));
        assertThat(pairLink.getAttribute("href")).contains("page=relationship&a=KGZ&b=RUS");
        assertThat(browser.findElement(By.id("country-name")).getText()).contains("Kyrgyzstan");
        assertThat(browser.findElements(By.cssSelector("#country-pending tr[data-deal='" + btr + "']"))).hasSize(1);

        Map<?, ?> dependence = option("country-dependence");
        List<?> series = (List<?>) dependence.get("series");
        Map<?, ?> hhi = (Map<?, ?>) series.get(series.size() - 1);
        assertThat(hhi.get("name")).isEqualTo("HHI");
        assertThat(((List<?>) hhi.get("data")).stream().map(String::valueOf).toList())
                .as("one supplier in 2015-2019 and one in 2020-2021").containsExactly("10000", "10000");
        Map<?, ?> backlog = option("country-backlog");
        List<?> years = (List<?>) ((Map<?, ?>) ((List<?>) backlog.get("xAxis")).get(0)).get("data");
        assertThat(years.stream().map(String::valueOf).toList()).containsExactly("2026", "unknown year");
        List<?> toReceive = (List<?>) ((Map<?, ?>) ((List<?>) backlog.get("series")).get(0)).get("data");
        assertThat(((Number) toReceive.get(0)).doubleValue()).as("6 units at 5 TIV").isEqualTo(30.0);

        screenshot("country-kgz");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('country-dependence').scrollIntoView({block: 'center'});");
        screenshot("country-kgz-charts");

        chromium.open(port, "/actors/KGZ?asOf=2020-01-01");
        wait.ignoring(StaleElementReferenceException.class).until(d -> suppliers().equals(List.of("RUS")));
        assertThat(browser.findElement(By.cssSelector("#page-actor .when")).getText()).contains("2020");
    }

    /** Saved with the dashboard's other screenshots, for docs/dashboard.md. */
    private void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> suppliers() {
        return browser.findElements(By.cssSelector("#country-suppliers tr[data-partner]")).stream()
                .map(row -> row.getAttribute("data-partner")).toList();
    }

    private Map<?, ?> option(String chart) {
        return (Map<?, ?>) new WebDriverWait(browser, WAIT).until(d -> ((JavascriptExecutor) d).executeScript(
                "const node = document.getElementById(arguments[0]);"
                        + "const chart = node && echarts.getInstanceByDom(node);"
                        + "return chart ? chart.getOption() : null;", chart));
    }
}
