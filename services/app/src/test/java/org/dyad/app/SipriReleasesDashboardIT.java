package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An analyst compares two releases of SIPRI's register in the dashboard and reads the pages as the earlier release
 * said them. The releases are SIPRI's real sample (generated 13 Mar 2025) and the same rows as a release of 10 March
 * 2026 would write them ({@link SipriReleasesIT#secondRelease}: a description reworded, Belgium's JLTV deliveries
 * revised, a spelling changed, an order dropped and three added), imported in a Dyad of their own.
 */
@Tag("browser")
@TestPropertySource(properties = "dyad.test.scenario=sipri-releases-dashboard")
class SipriReleasesDashboardIT extends BrowserIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anAnalystSeesWhatTheNewerReleaseChangedAndReadsThePagesAsTheEarlierOneSaid() {
        byte[] sample = sipriSample();
        assertThat(importSipri(sample, "sipri-2025.csv").path("status").asText()).isEqualTo("DONE");
        assertThat(importSipri(SipriReleasesIT.secondRelease(sample), "sipri-2026.csv").path("status").asText())
                .isEqualTo("DONE");
        JsonNode releases = await().atMost(Duration.ofMinutes(2)).until(
                () -> get("/api/v1/sipri/releases").getBody().path("releases"),
                r -> r.size() == 2 && r.get(0).hasNonNull("knownFrom") && r.get(1).hasNonNull("knownFrom"));
        String earlierKnownFrom = releases.get(1).path("knownFrom").asText();

        chromium.open(port, "/?page=releases");
        chromium.signIn("viewer", "viewer-local");
        WebElement summary = chromium.waitFor(By.cssSelector("#releases p.totals"));
        JsonNode counts = get("/api/v1/sipri/releases/sipri-2025-03-13/changes/sipri-2026-03-10").getBody()
                .path("counts");
        assertThat(counts.path("unchanged").asInt()).isPositive();
        assertThat(summary.getText()).isEqualTo("From SIPRI 2025-03-13 to SIPRI 2026-03-10: 3 added, 1 dropped, "
                + "3 changed, " + counts.path("unchanged").asInt() + " unchanged");
        String changed = browser.findElement(By.cssSelector("#releases section[aria-label=Changed]")).getText();
        assertThat(changed).contains("Number delivered: 198 → 260", "Year(s) of delivery: 2023; 2024 → 2023; 2024; 2025",
                "Weapon description: APC → armoured personnel carrier", "Supplier: Turkiye → Turkey");
        assertThat(browser.findElement(By.cssSelector("#releases section[aria-label=Dropped]")).getText())
                .contains("Mi-17");
        assertThat(browser.findElement(By.cssSelector("#releases table.releases")).getText())
                .contains("2026-03-10", "2025-03-13");

        // the picker reads every page as the earlier release said it
        Select picker = new Select(chromium.waitFor(By.id("release")));
        new WebDriverWait(browser, WAIT).until(d -> picker.getOptions().size() == 3);
        picker.selectByVisibleText("SIPRI 2025-03-13");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("knownAt="));
        assertThat(browser.getCurrentUrl()).contains("knownAt=" + java.net.URLEncoder.encode(earlierKnownFrom,
                java.nio.charset.StandardCharsets.UTF_8));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#page-releases h1 .when"), "as SIPRI's release of 2025-03-13 said"));
        assertThat(new Select(browser.findElement(By.id("release"))).getFirstSelectedOption().getText())
                .isEqualTo("SIPRI 2025-03-13");
    }
}
