package org.dyad.app;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard read without friction, in a real headless Chromium: a clear sign-in error, actors chosen by name
 * ("China" is CHN) and an unknown code named as an error, friendly labels and no "null", the deals page's filters
 * and pages in the URL (reload and Back), a live update that keeps the reader's page and place, a layout that fits
 * a phone (390 px) without sideways scrolling, charts described for screen readers with their figures, and download
 * buttons for tables (CSV) and charts (PNG).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardFrictionIT extends BrowserIntegrationTest {

    /** Generous: the machine running the tests may be loaded. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** More deals between the pair than one page of the relationship (50) and two pages of the deals table (25). */
    private static final int DEALS = 55;

    private static boolean recorded;

    /** The pair's deals, recorded once for the class through the API. */
    private void recordDeals() {
        if (recorded) {
            return;
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            tokens.add(ok(post("/api/v1/deals", dealReport(uniqueId("chn-bgd"), "CHN", "BGD", 1_000_000L + i))));
        }
        getConsistent("/api/v1/relationships/CHN/BGD", tokens.get(tokens.size() - 1));
        recorded = true;
    }

    @Test
    @Order(1)
    void aWrongPasswordSaysSo() {
        recordDeals();
        chromium.open(port, "/");
        WebElement form = waitFor(By.cssSelector("dialog#signin[open] #signin-form"));
        form.findElement(By.name("user")).sendKeys("viewer");
        form.findElement(By.name("password")).sendKeys("not-the-password", Keys.ENTER);
        WebElement error = waitFor(By.cssSelector("#signin-form .error"));
        assertThat(error.getText()).isEqualTo("Wrong user name or password.");
        form.findElement(By.name("user")).clear();
        form.findElement(By.name("password")).clear();
        chromium.signIn("viewer", "viewer-local");
    }

    @Test
    @Order(2)
    void chinaTypedIsChnAndThePageNamesBothActorsWithoutNull() {
        chromium.open(port, "/?page=relationship");
        WebElement first = waitFor(By.id("actor-a"));
        first.clear();
        first.sendKeys("China");
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(
                By.cssSelector("#actor-a-suggestions option[value='China (CHN)']")).size() == 1);
        WebElement second = browser.findElement(By.id("actor-b"));
        second.clear();
        second.sendKeys("Bangladesh", Keys.ENTER);

        waitFor(By.id("timeline"));
        assertThat(browser.getCurrentUrl()).contains("a=CHN").contains("b=BGD");
        WebElement page = browser.findElement(By.id("page-relationship"));
        assertThat(page.getText()).contains("China (CHN) and Bangladesh (BGD)")
                .contains("China (CHN) → Bangladesh (BGD)")
                .doesNotContainPattern("\\b(null|undefined|NaN)\\b");
        assertThat(browser.findElement(By.id("actor-a")).getAttribute("value")).isEqualTo("China (CHN)");
        WebElement dealsCard = page.findElements(By.cssSelector(".card")).stream()
                .filter(c -> c.getText().startsWith("DEALS")).findFirst().orElseThrow();
        assertThat(dealsCard.getText()).matches("(?s)DEALS\\s+\\d+\\s+\\d+ pending");
    }

    @Test
    @Order(3)
    void eventTypesAndFieldNamesReadAsWords() {
        chromium.open(port, "/?page=relationship&a=CHN&b=BGD");
        WebElement timeline = waitFor(By.id("timeline"));
        assertThat(timeline.getText()).contains("Sale reported").doesNotContain("SaleReported");
        browser.findElement(By.cssSelector(".deal h4 button.link")).click();
        WebElement details = waitFor(By.cssSelector("dialog#details[open]"));
        assertThat(details.getText()).contains("Sale reported").contains("reported on: 2001-03")
                .doesNotContain("SaleReported").doesNotContainIgnoringCase("reportedon");
        details.sendKeys(Keys.ESCAPE);
    }

    @Test
    @Order(4)
    void anUnknownCodeInTheUrlOrTypedIsAnErrorNamingIt() {
        chromium.open(port, "/?page=relationship&a=CHN&b=QQX");
        WebElement banner = waitFor(By.id("banner"));
        assertThat(banner.getText()).contains("Unknown actor").contains("QQX");
        assertThat(browser.findElement(By.id("relationship")).getText()).contains("QQX");
        assertThat(browser.findElements(By.id("timeline"))).as("no plausible empty page").isEmpty();

        chromium.open(port, "/?page=deals&supplier=QQY");
        assertThat(waitFor(By.id("banner")).getText()).contains("QQY");

        chromium.open(port, "/?page=relationship&a=CHN&b=BGD");
        waitFor(By.id("timeline"));
        WebElement second = browser.findElement(By.id("actor-b"));
        second.clear();
        second.sendKeys("Atlantis of the North", Keys.ENTER);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"),
                "Atlantis of the North"));
        assertThat(browser.getCurrentUrl()).as("nothing navigated to").contains("b=BGD");
    }

    @Test
    @Order(5)
    void theRelationshipsDealPageIsInTheUrl() {
        chromium.open(port, "/?page=relationship&a=CHN&b=BGD");
        WebElement later = waitFor(By.xpath("//p[@class='pager']/button[text()='Later']"));
        later.click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.pager"), "Deals 51–"));
        assertThat(browser.getCurrentUrl()).contains("dealsPage=2");
        browser.navigate().refresh();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.pager"), "Deals 51–"));
        browser.navigate().back();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.pager"), "Deals 1–50"));
    }

    @Test
    @Order(6)
    void theDealFiltersAndPageAreInTheUrlAndSurviveReloadAndBack() {
        chromium.open(port, "/?page=deals");
        awaitDealsPage(1);
        WebElement filters = browser.findElement(By.id("deal-filters"));
        filters.findElement(By.name("supplier")).sendKeys("China");
        filters.findElement(By.name("recipient")).sendKeys("Bangladesh");
        new org.openqa.selenium.support.ui.Select(filters.findElement(By.name("status"))).selectByValue("ALL");
        filters.findElement(By.name("recipient")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("supplier=CHN"));
        assertThat(browser.getCurrentUrl()).contains("recipient=BGD").contains("status=ALL");
        awaitRowsOfThePair();

        browser.navigate().refresh();
        awaitRowsOfThePair();
        WebElement reloaded = browser.findElement(By.id("deal-filters"));
        assertThat(reloaded.findElement(By.name("supplier")).getAttribute("value")).isEqualTo("China (CHN)");
        assertThat(reloaded.findElement(By.name("status")).getAttribute("value")).isEqualTo("ALL");

        browser.findElement(By.cssSelector("#deals-table .tabulator-page[data-page='2']")).click();
        awaitDealsPage(2);
        assertThat(browser.getCurrentUrl()).contains("dealsPage=2").contains("supplier=CHN");
        browser.navigate().back();
        awaitDealsPage(1);
        assertThat(browser.getCurrentUrl()).doesNotContain("dealsPage").contains("supplier=CHN");
        browser.navigate().forward();
        awaitDealsPage(2);

        String export = browser.findElement(By.id("deals-download")).getAttribute("href");
        assertThat(export).contains("/api/v1/exports/deals.csv?").contains("supplier=CHN").contains("recipient=BGD")
                .contains("status=ALL").doesNotContain("page=");
    }

    @Test
    @Order(7)
    void aLiveUpdateKeepsTheDealsTableOnItsPageAndTheWindowWhereItWas() {
        chromium.open(port, "/?page=deals&supplier=CHN&recipient=BGD&status=ALL&dealsPage=2");
        awaitDealsPage(2);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#live .label"), "Live"));
        String totals = browser.findElement(By.id("deal-totals")).getText();
        js("window.notReloaded = true; window.scrollTo(0, 400);");
        long scrolled = ((Number) js("return window.scrollY;")).longValue();
        assertThat(scrolled).as("the page is long enough to scroll").isGreaterThan(100);

        ok(post("/api/v1/deals", dealReport(uniqueId("chn-bgd-live"), "CHN", "BGD", 2_000_000L)));
        new WebDriverWait(browser, WAIT).until(d -> !d.findElement(By.id("deal-totals")).getText().equals(totals));
        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.tagName("body")).getAttribute("aria-busy") == null);

        assertThat(js("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("deals-table")).getAttribute("data-page")).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("#deals-table .tabulator-page.active")).getText()).isEqualTo("2");
        assertThat(browser.getCurrentUrl()).contains("dealsPage=2");
        assertThat(((Number) js("return window.scrollY;")).longValue()).isEqualTo(scrolled);
    }

    @Test
    @Order(8)
    void atAPhonesWidthNoPageScrollsSideways() {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        try {
            for (String path : List.of("/?page=overview", "/?page=relationship&a=CHN&b=BGD",
                    "/?page=deals&supplier=CHN&recipient=BGD&status=ALL", "/?page=releases")) {
                chromium.open(port, path);
                awaitRendered(WAIT, path);
                assertThat(((Number) js("return window.innerWidth;")).longValue()).isEqualTo(390);
                if (path.contains("deals")) {
                    awaitRowsOfThePair();
                    WebElement scroller = browser.findElement(By.cssSelector("#page-deals .scroll-x"));
                    assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth;", scroller))
                            .longValue()).as("the deals table scrolls inside itself").isGreaterThan(0);
                }
                assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue())
                        .as("the page's width at 390 px: %s", path).isLessThanOrEqualTo(390);
            }
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(9)
    void chartsAreDescribedWithTheirFiguresAndDownloadAsPng() {
        chromium.open(port, "/?page=overview");
        waitFor(By.cssSelector("#chart-flows canvas"));
        new WebDriverWait(browser, WAIT).until(d -> String.valueOf(d.findElement(By.id("chart-flows"))
                .getAttribute("aria-label")).contains("→"));
        String flows = browser.findElement(By.id("chart-flows")).getAttribute("aria-label");
        assertThat(flows).as("each flow with its actors' names and its figures")
                .containsPattern("\\([A-Z]{3}\\) → [^:;]+ \\([A-Z]{3}\\): "
                        + "([0-9][0-9,.]*|no figure) TIV, [0-9][0-9,]* deals?")
                .doesNotContain("NaN").doesNotContain("undefined");
        for (String id : List.of("chart-years", "chart-agreements", "chart-stages")) {
            assertThat(browser.findElement(By.id(id)).getAttribute("aria-label")).as(id)
                    .containsPattern("\\d").doesNotContain("NaN");
        }

        captureDownloads();
        browser.findElement(By.xpath("//div[@id='chart-flows']/ancestor::figure//button[@class='download']"))
                .click();
        Map<?, ?> saved = lastDownload();
        assertThat(saved.get("name")).isEqualTo("flows.png");
        assertThat(String.valueOf(saved.get("href"))).startsWith("data:image/png;base64,").hasSizeGreaterThan(2000);
    }

    @Test
    @Order(10)
    void aTableDownloadsTheRowsItShowsAsCsv() {
        chromium.open(port, "/?page=relationship&a=CHN&b=BGD");
        waitFor(By.id("timeline"));
        captureDownloads();
        browser.findElement(By.xpath("//table[@id='timeline']/ancestor::div[@class='table-block']"
                + "//button[contains(@class,'download')]")).click();
        Map<?, ?> saved = lastDownload();
        assertThat(saved.get("name")).isEqualTo("timeline.csv");
        assertThat(String.valueOf(saved.get("href"))).startsWith("blob:");
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.savedBlobs.at(-1).text().then(done);");
        assertThat(csv.replace("\r\n", "\n"))
                .startsWith("\"Date\",\"Event\",\"Record\",\"Source\",\"Recorded\"\n")
                .contains("\"Sale reported\"");
        int rows = browser.findElements(By.cssSelector("#timeline tbody tr")).size();
        assertThat(csv.trim().split("\r?\n")).hasSize(rows + 1);
    }

    /**
     * Pages left behind let their live feed go: a browser opens at most six connections to one server, a feed holds
     * one, and a page kept in the back-forward cache with its feed open would keep it from the pages after it. Nine
     * pages in a row each render within the bound.
     */
    @Test
    @Order(11)
    void pagesLeftBehindLetTheirLiveFeedGo() {
        for (String path : List.of("/?page=overview", "/?page=relationship&a=CHN&b=BGD", "/?page=deals",
                "/?page=releases", "/?page=actor&code=CHN", "/?page=relationship&a=BGD&b=CHN",
                "/?page=deals&supplier=CHN", "/?page=overview&asOf=2010-01-01", "/?page=actor&code=BGD")) {
            chromium.open(port, path);
            awaitRendered(Duration.ofSeconds(20), path);
        }
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.cssSelector("#live .label"), "Live"));
    }

    /**
     * Tabs share one live feed: with a feed per tab, six tabs would hold all the connections a browser opens to one
     * server and a seventh would not load. Eight tabs load, and the last, which follows the feed through another,
     * shows an event posted after it opened.
     */
    @Test
    @Order(12)
    void eightTabsShareOneLiveFeed() {
        String first = browser.getWindowHandle();
        List<String> opened = new ArrayList<>();
        try {
            for (int tab = 0; tab < 8; tab++) {
                browser.switchTo().newWindow(WindowType.TAB);
                opened.add(browser.getWindowHandle());
                chromium.open(port, "/?page=relationship&a=CHN&b=BGD");
                awaitRendered(Duration.ofSeconds(20), "tab " + (tab + 1));
            }
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("#live .label"), "Live"));
            int before = browser.findElements(By.cssSelector("#feed-list > *")).size();
            ok(post("/api/v1/deals", dealReport(uniqueId("chn-bgd-tabs"), "CHN", "BGD", 3_000_000L)));
            new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("#feed-list > *")).size()
                    > before);
        } finally {
            for (String tab : opened) {
                browser.switchTo().window(tab).close();
            }
            browser.switchTo().window(first);
        }
    }

    // --- helpers ---

    /** Waits until the page has rendered and is no longer busy; fails naming {@code what} and what the page shows. */
    private void awaitRendered(Duration bound, String what) {
        try {
            new WebDriverWait(browser, bound).until(d -> d.findElement(By.tagName("body"))
                    .getAttribute("data-rendered") != null
                    && d.findElement(By.tagName("body")).getAttribute("aria-busy") == null);
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown;
            try {
                shown = diagnosis();
            } catch (RuntimeException pageNotLoaded) {
                shown = "url " + browser.getCurrentUrl();
            }
            throw new AssertionError(what + " not rendered within " + bound.toSeconds() + " s: " + shown, e);
        }
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /**
     * Keeps the files the page saves (the links it clicks) instead of downloading them, and the contents it makes
     * for them (a fetch of a blob: URL is not a source the page's Content-Security-Policy allows).
     */
    private void captureDownloads() {
        js("window.savedFiles = []; HTMLAnchorElement.prototype.click = function () {"
                + " window.savedFiles.push({href: this.href, name: this.download}); };"
                + " window.savedBlobs = []; const make = URL.createObjectURL.bind(URL);"
                + " URL.createObjectURL = blob => { window.savedBlobs.push(blob); return make(blob); };");
    }

    private Map<?, ?> lastDownload() {
        return new WebDriverWait(browser, WAIT).until(d -> {
            List<?> saved = (List<?>) js("return window.savedFiles;");
            return saved.isEmpty() ? null : (Map<?, ?>) saved.get(saved.size() - 1);
        });
    }

    private void awaitDealsPage(int page) {
        try {
            new WebDriverWait(browser, WAIT).until(d -> String.valueOf(page).equals(
                    d.findElement(By.id("deals-table")).getAttribute("data-page"))
                    && !d.findElements(By.cssSelector("#deals-table .tabulator-row")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("page " + page + " of the deals not shown: " + diagnosis(), e);
        }
    }

    /** What the page shows and what its console said, for a failure's message. */
    private String diagnosis() {
        return "url " + browser.getCurrentUrl() + "; busy " + js("return document.body.getAttribute('aria-busy');")
                + "; data-page " + browser.findElement(By.id("deals-table")).getAttribute("data-page")
                + "; banner " + browser.findElement(By.id("banner")).getText()
                + "; table " + js("return document.getElementById('deals-table').className;")
                + "; fetched " + js("return performance.getEntriesByType('resource')"
                + ".map(e => e.name + ' ' + Math.round(e.duration)).join(', ');")
                + "; console " + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
    }

    private void awaitRowsOfThePair() {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#deals-table .tabulator-row"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("China (CHN)")
                    && r.getText().contains("Bangladesh (BGD)"));
        });
    }
}
