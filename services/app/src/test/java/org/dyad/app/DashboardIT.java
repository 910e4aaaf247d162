package org.dyad.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver) against a running Dyad with the
 * demo data loaded: the seed case and a sample of SIPRI's trade register. Each main page is saved as a screenshot
 * under target/dashboard-screenshots. Without Chromium the tests are skipped, unless DYAD_REQUIRE_BROWSER is set (as
 * CI does), which makes a missing browser a failure.
 */
@Tag("browser")
@DirtiesContext
@TestPropertySource(properties = {"dyad.demo.enabled=true", "dyad.test.scenario=dashboard"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT extends BrowserIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void makeScreenshotDirectory() throws IOException {
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    @Order(1)
    void theRelationshipExplorerShowsTheTwo2001AgreementsAndTheSevenBillionEstimateWithItsSource() {
        awaitDemoData();
        open("/");
        signIn("viewer", "viewer-local");
        browser.findElement(By.cssSelector("nav a[data-page=relationship]")).click();
        // shown once the page rendering before it (the overview, after signing in) has finished
        WebElement first = waitFor(By.id("actor-a"));
        first.clear();
        first.sendKeys("RUS");
        WebElement second = browser.findElement(By.id("actor-b"));
        second.clear();
        second.sendKeys("IRN", Keys.ENTER);

        WebElement agreements = waitFor(By.id("agreements"));
        assertThat(browser.getCurrentUrl()).contains("page=relationship").contains("a=RUS").contains("b=IRN");
        List<String> signedIn2001 = agreements.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains("12 Mar 2001")).map(WebElement::getText).toList();
        assertThat(signedIn2001).hasSize(2);
        assertThat(String.join("\n", signedIn2001))
                .contains("Agreement on the basis of relations and principles of cooperation between Russia and Iran")
                .contains("Agreement on principles for resolving competing claims over the Caspian Sea");
        WebElement estimates = browser.findElement(By.id("estimates"));
        assertThat(estimates.getText()).contains("could reach $7 billion").contains("Los Angeles Times");
        assertThat(browser.findElement(By.id("page-relationship")).getText()).as("no missing value shown as text")
                .doesNotContainPattern("\\b(null|undefined|NaN)\\b");
        screenshot("relationship-rus-irn");

        estimates.findElement(By.cssSelector("button.source")).click();
        WebElement details = waitFor(By.cssSelector("dialog#details[open]"));
        assertThat(details.getText())
                .contains("Los Angeles Times")
                .contains("Russian news reports have said that total arms sales could reach $7 billion.")
                .contains("C3 — source fairly reliable; information possibly true")
                .contains("by analyst");
        screenshot("source-of-an-estimate");
        details.findElement(By.cssSelector("form.close button")).click();
    }

    @Test
    @Order(2)
    void movingTheDateTo2000_06_01ShowsThe1995PactInForceAndNoneOfThe2001Agreements() {
        open("/?page=relationship&a=RUS&b=IRN");
        waitFor(By.id("agreements"));
        String before = rendered();
        WebElement asOf = browser.findElement(By.id("asOf"));
        asOf.sendKeys("06012000");  // the date field's own segments: month, day, year
        asOf.sendKeys(Keys.TAB);
        awaitRenderedAfter(before);

        assertThat(browser.getCurrentUrl()).contains("asOf=2000-06-01");
        WebElement pact = browser.findElement(By.cssSelector("#agreements tr[data-agreement=rus-usa-1995-iran-arms-pact]"));
        assertThat(pact.findElement(By.cssSelector(".agreement-status")).getText()).isEqualTo("in force");
        assertThat(pact.findElement(By.cssSelector(".party-statuses")).getText().replaceAll("\\s+", " "))
                .as("Russia renounced it only in about November 2000").isEqualTo("RUS in force USA in force");
        assertThat(browser.findElement(By.id("agreements")).getText()).doesNotContain("2001");
        assertThat(browser.findElement(By.cssSelector("#page-relationship h1")).getText()).contains("as of 1 Jun 2000");
        screenshot("relationship-as-of-2000-06-01");

        // the URL keeps the state: opened afresh, it shows the same
        open(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/?")));
        waitFor(By.cssSelector("#agreements tr[data-agreement=rus-usa-1995-iran-arms-pact]"));
        assertThat(browser.findElement(By.id("asOf")).getAttribute("value")).isEqualTo("2000-06-01");
        assertThat(browser.findElement(By.id("agreements")).getText()).doesNotContain("Caspian");
    }

    @Test
    @Order(3)
    void aNewEventPostedThroughTheApiAppearsWithoutReload() {
        open("/?page=relationship&a=RUS&b=IRN");
        waitFor(By.id("statements"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#live .label"), "Live"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        String summary = "Iran said it would buy more Russian air defence systems (" + uniqueId("live") + ").";
        assertThat(as("analyst", "analyst-local").postForEntity("/api/v1/statements", jsonEntity("""
                {"id": "%s", "speaker": "IRN", "addressees": ["RUS"], "kind": "EXPECTATION", "madeOn": "2001-03-14",
                 "summary": "%s", "source": {"publisher": "Los Angeles Times", "title": "Follow-up report",
                 "publishedOn": "2001-03-15", "quote": "would buy more"}, "grade": "B3"}
                """.formatted(uniqueId("statement"), summary)), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("statements"), summary));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("the page was updated in place").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#live .count")).getText()).isEqualTo("1 new");
        browser.findElement(By.id("live")).click();
        assertThat(waitFor(By.id("feed-list")).getText()).contains("Statement recorded");
        screenshot("live-update");
    }

    @Test
    @Order(4)
    void thePendingDealsTableFiltersAndOpensADealsHistoryWithSourcesAndGrades() {
        open("/?page=deals");
        waitFor(By.cssSelector("#deals-table .tabulator-row"));
        WebElement filters = browser.findElement(By.id("deal-filters"));
        filters.findElement(By.name("supplier")).sendKeys("RUS");
        filters.findElement(By.name("recipient")).sendKeys("IRN", Keys.ENTER);
        // the table redraws its rows when the filtered page arrives
        WebElement row = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#deals-table .tabulator-row"));
            boolean filtered = !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("RUS")
                    && r.getText().contains("IRN"));
            return filtered ? rows.stream().filter(r -> r.getText().contains("S-300")).findFirst().orElse(null)
                    : null;
        });
        assertThat(row.getText()).contains("could reach $7 billion");
        String totals = new WebDriverWait(browser, WAIT).until(d -> {
            String text = d.findElement(By.id("deal-totals")).getText();
            return text.contains("$") ? text : null;
        });
        assertThat(totals).as("the filtered deals' totals, per currency, with the deals each covers")
                .containsPattern("\\$[0-9.,]+ (billion|million) \\(\\d+ deals?");
        row.findElement(By.cssSelector("button.open")).sendKeys(Keys.ENTER);
        WebElement details = waitFor(By.cssSelector("dialog#details[open]"));
        assertThat(details.getText()).contains("Sale reported").contains("Los Angeles Times")
                .contains("C3 — source fairly reliable");
        screenshot("deal-history");
        details.sendKeys(Keys.ESCAPE);

        open("/?page=deals");
        waitFor(By.cssSelector("#deals-table .tabulator-row"));
        screenshot("pending-deals");
    }

    @Test
    @Order(5)
    void theOverviewChartsTheTradeRegisterAndAFlowOpensItsRelationship() {
        open("/?page=overview");
        waitFor(By.cssSelector("#chart-flows canvas"));
        waitFor(By.cssSelector("#chart-years canvas"));
        String deals = browser.findElement(By.cssSelector("#overview-cards .card .value")).getText();
        assertThat(Integer.parseInt(deals.replace(",", ""))).as("the seed case and the trade register sample")
                .isGreaterThan(400);
        screenshot("overview");
    }

    @Test
    @Order(6)
    void aDealWhoseCancellationIsKnownOnlyByItsYearShowsItAsPossibleDuringThatYear() {
        String id = uniqueId("mistral");
        String source = """
                "source": {"publisher": "Le Monde", "title": "Mistral", "publishedOn": "2015-08-06"}""";
        ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "FRA", "recipient": "RUS", "reportedOn": "2011-06-17", "stage": "CONTRACTED",
                 "items": [{"designation": "Mistral", "description": "amphibious assault ship", "quantity": 2}], %s}"""
                .formatted(id, source)));
        ok(post("/api/v1/deals/" + id + "/suspension",
                "{\"on\": \"2014-11-25\", \"reason\": \"the situation in Ukraine\", " + source + "}"));
        String token = ok(post("/api/v1/deals/" + id + "/cancellation",
                "{\"on\": \"2015\", \"reason\": \"cancelled\", " + source + "}"));
        getConsistent("/api/v1/deals/" + id, token);

        open("/?page=relationship&a=FRA&b=RUS&asOf=2015-06-30");
        WebElement card = waitFor(By.cssSelector("article.deal[data-deal='" + id + "']"));
        assertThat(card.findElement(By.cssSelector(".sub")).getText()).contains("suspended")
                .contains("possibly cancelled, 2015");
        screenshot("deal-possibly-cancelled");
    }

    /** The ABM Treaty between the USA and the Soviet Union, as Russia's from 1991-12-26. */
    @Test
    @Order(7)
    void aPartyHoldingItsPlaceBySuccessionSaysSo() {
        String id = uniqueId("abm");
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Anti-Ballistic Missile Treaty", "kind": "TREATY", "subjects": ["ARMS_CONTROL"],
                 "parties": ["USA", "SUN"], "signedOn": "1972-05-26", "binding": true, %s}"""
                .formatted(id, SIPRI_SOURCE)));
        String token = ok(post("/api/v1/agreements/" + id + "/entry-into-force",
                "{\"on\": \"1972-10-03\", " + SIPRI_SOURCE + "}"));
        getConsistent("/api/v1/agreements/" + id, token);

        open("/?page=relationship&a=USA&b=RUS&asOf=1995-01-01");
        WebElement abm = waitFor(By.cssSelector("#agreements tr[data-agreement=" + id + "]"));
        String parties = abm.findElement(By.cssSelector(".party-statuses")).getText().replaceAll("\\s+", " ");
        assertThat(parties).contains("SUN ended on 26 Dec 1991, succeeded by RUS")
                .contains("RUS in force by succession from SUN since 26 Dec 1991");
        screenshot("relationship-by-succession");
    }

    // --- helpers ---

    private void awaitDemoData() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var relationship = get("/api/v1/relationships/RUS/IRN").getBody();
            var overview = get("/api/v1/overview").getBody();
            return relationship != null && relationship.path("agreements").size() == 3
                    && overview != null && overview.path("deals").asInt() > 400;
        });
    }

    private void open(String path) {
        chromium.open(port, path);
    }

    private void signIn(String user, String password) {
        chromium.signIn(user, password);
    }

    private WebElement waitFor(By locator) {
        return chromium.waitFor(locator);
    }

    /** The time of the last finished rendering (set by the dashboard on its body). */
    private String rendered() {
        return String.valueOf(browser.findElement(By.tagName("body")).getAttribute("data-rendered"));
    }

    private void awaitRenderedAfter(String before) {
        new WebDriverWait(browser, WAIT).until(d -> !rendered().equals(before)
                && d.findElement(By.tagName("body")).getAttribute("aria-busy") == null);
    }

    private void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static org.springframework.http.HttpEntity<String> jsonEntity(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
