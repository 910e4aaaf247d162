package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing stored is ever interpreted as markup. Records whose every free-text field holds a markup or script payload
 * (each setting {@code window.__xss} if it ever ran) are recorded through the public API and a SIPRI import; a real
 * headless Chromium then opens every page and dialog of the dashboard that shows them. No payload may run, each must
 * be shown literally, the browser must report no Content-Security-Policy violation (the dashboard and Swagger UI work
 * under the policy), and no script-readable storage may hold the user's credentials.
 */
@Tag("browser")
class DashboardMarkupIT extends BrowserIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** San Marino and Monaco: a pair no other test records anything for. */
    private static final String SUPPLIER = "SMR";
    private static final String RECIPIENT = "MCO";
    private static final List<String> SHAPES = List.of(
            "<img src=\"data:,\" onerror=\"window.__xss='%s'\">",
            "<script>window.__xss='%s'</script>",
            "\"><svg onload=window.__xss='%s'>",
            "<a href=\"javascript:window.__xss='%s'\">javascript:window.__xss='%s'</a>",
            "<iframe srcdoc=\"<script>parent.__xss='%s'</script>\"></iframe>",
            "'><img src=data:, onerror=window.__xss='%s'>{a|rich}");

    /** The payload of each free-text field, by the field's name. */
    private final Map<String, String> payloads = new LinkedHashMap<>();

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyNoSniffingAndNoReferrer() {
        Map<String, ResponseEntity<String>> answers = new LinkedHashMap<>();
        answers.put("the dashboard's page", as(null, null).getForEntity("/", String.class));
        answers.put("a dashboard script", as(null, null).getForEntity("/dashboard/app.js", String.class));
        answers.put("an API answer", as("viewer", "viewer-local").getForEntity("/api/v1/actors", String.class));
        answers.put("a refusal", as(null, null).getForEntity("/api/v1/actors", String.class));
        answers.put("the API description", as(null, null).getForEntity("/v3/api-docs", String.class));
        answers.forEach((what, answer) -> {
            HttpHeaders headers = answer.getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(what)
                    .contains("default-src 'self'", "script-src 'self';", "object-src 'none'",
                            "frame-ancestors 'none'", "base-uri 'none'", "style-src 'self';")
                    .doesNotContain("unsafe-eval", "unsafe-inline");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        });
        HttpHeaders swaggerUi = as(null, null).getForEntity("/swagger-ui/index.html", String.class).getHeaders();
        assertThat(swaggerUi.getFirst("Content-Security-Policy")).as("Swagger UI: inline styles, never inline scripts")
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'",
                        "style-src 'self' 'unsafe-inline';")
                .doesNotContain("unsafe-eval");
        assertThat(swaggerUi.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void noStoredTextRunsAsScriptAndEveryTextIsShownAsWritten() throws Exception {
        String dealId = recordEverythingWithMarkup();

        open("/");
        signIn("viewer", "viewer-local");
        List<String> seen = new ArrayList<>();

        // the relationship explorer: cards, agreements, deals, estimates, statements, timeline
        open("/?page=relationship&a=" + SUPPLIER + "&b=" + RECIPIENT);
        waitFor(By.id("statements"));
        waitFor(By.id("estimates"));
        seen.add(pageText());
        // every dialog the page opens: an agreement's and a deal's history, and every source
        seen.add(dialogOf(By.cssSelector("#agreements button.link")));
        for (WebElement deal : browser.findElements(By.cssSelector("article.deal h4 button.link"))) {
            seen.add(dialogOf(deal));
        }
        for (WebElement source : browser.findElements(By.cssSelector("#page-relationship button.source"))) {
            seen.add(dialogOf(source));
        }
        for (WebElement status : browser.findElements(By.cssSelector("#agreements button.chip-button"))) {
            seen.add(dialogOf(status));
        }

        // a record arriving live: the feed panel, its source dialog and the refreshed page
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#live .label"), "Live"));
        String liveSummary = payload("live statement summary");
        ok(post("/api/v1/statements", statement(liveSummary, source("live source"))));
        new WebDriverWait(browser, WAIT).until(d -> pageText().contains(liveSummary));
        browser.findElement(By.id("live")).click();
        waitFor(By.cssSelector("#feed-list li"));
        seen.add(pageText());
        seen.add(dialogOf(By.cssSelector("#feed-list button.source")));
        browser.findElement(By.id("live")).click();

        // the deals table, filtered to the pair, every status; each row's history and latest estimate's source
        open("/?page=deals");
        waitFor(By.cssSelector("#deals-table .tabulator-row"));
        WebElement filters = browser.findElement(By.id("deal-filters"));
        new org.openqa.selenium.support.ui.Select(filters.findElement(By.name("status"))).selectByValue("ALL");
        filters.findElement(By.name("supplier")).sendKeys(SUPPLIER);
        filters.findElement(By.name("recipient")).sendKeys(RECIPIENT, Keys.ENTER);
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the pair's two deals in the table; shown: " + browser.findElements(
                        By.cssSelector("#deals-table .tabulator-row")).stream().map(WebElement::getText).toList())
                .until(d -> {
                    assertThat(executed()).as("a payload ran in the deals table").isNull();
                    List<WebElement> rows = d.findElements(By.cssSelector("#deals-table .tabulator-row"));
                    return rows.size() == 2 && rows.stream().allMatch(r -> r.getText().contains(SUPPLIER));
                });
        seen.add(pageText());
        for (int row = 0; row < 2; row++) {
            seen.add(dialogOf(browser.findElements(By.cssSelector("#deals-table button.open")).get(row)));
        }
        for (WebElement source : browser.findElements(By.cssSelector("#deals-table button.source"))) {
            seen.add(dialogOf(source));
        }

        // the overview, with a tooltip of each chart
        open("/?page=overview");
        waitFor(By.cssSelector("#chart-flows canvas"));
        new WebDriverWait(browser, WAIT).until(d -> !d.findElement(By.id("overview-cards")).getText().isEmpty());
        for (String chart : List.of("chart-years", "chart-flows", "chart-agreements", "chart-stages")) {
            new org.openqa.selenium.interactions.Actions(browser)
                    .moveToElement(browser.findElement(By.id(chart))).perform();
        }
        seen.add(pageText());

        // text from the address: a bad actor and a bad date are shown in the notice and the title, as text
        String fromAddress = "<img src=x onerror=\"window.__xss='address'\">";
        open("/?page=relationship&a=" + encode(fromAddress) + "&b=" + RECIPIENT + "&asOf=" + encode(fromAddress));
        waitFor(By.cssSelector("#banner:not([hidden])"));
        seen.add(pageText());

        assertThat(executed()).as("a stored payload ran").isNull();
        String everything = String.join("\n", seen);
        assertThat(payloads.entrySet().stream().filter(p -> !everything.contains(p.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toList()))
                .as("fields whose text is not shown literally anywhere").isEmpty();
        assertThat(everything).as("the deal is on screen").contains(dealId);

        // no script-readable place holds the credentials; the session cookie is HttpOnly and SameSite=Strict
        String basic = Base64.getEncoder().encodeToString("viewer:viewer-local".getBytes(StandardCharsets.UTF_8));
        for (String store : List.of("document.cookie", "JSON.stringify(Object.entries(sessionStorage))",
                "JSON.stringify(Object.entries(localStorage))")) {
            String held = String.valueOf(script("return " + store + ";"));
            assertThat(held).as(store).doesNotContain("viewer-local", basic, "DYAD_SESSION");
        }
        Cookie session = browser.manage().getCookieNamed("DYAD_SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getValue()).doesNotContain("viewer-local", basic);

        assertThat(cspViolations()).as("Content-Security-Policy violations on the dashboard").isEmpty();

        // Swagger UI works under its own policy
        open("/swagger-ui/index.html");
        waitFor(By.cssSelector(".swagger-ui .info .title"));
        waitFor(By.cssSelector(".swagger-ui .opblock"));
        assertThat(cspViolations()).as("Content-Security-Policy violations in Swagger UI").isEmpty();

        // signing out removes the cookie: a fresh page asks to sign in again
        open("/");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"),
                "Sign out"));
        browser.findElement(By.id("account")).click();
        waitFor(By.cssSelector("dialog#signin[open]"));
        new WebDriverWait(browser, WAIT).withMessage("the session cookie is removed by signing out")
                .until(d -> d.manage().getCookieNamed("DYAD_SESSION") == null);
        open("/");
        waitFor(By.cssSelector("dialog#signin[open]"));
        assertThat(executed()).isNull();
    }

    // --- the records ---

    private String payload(String field) {
        String name = field.replaceAll("[^a-z]+", "-");
        String shape = SHAPES.get(payloads.size() % SHAPES.size());
        String value = field + " " + shape.formatted(name, name);
        payloads.put(field, value);
        return value;
    }

    private ObjectNode source(String what) {
        ObjectNode source = json.createObjectNode();
        source.put("publisher", payload(what + " publisher"));
        source.put("title", payload(what + " title"));
        source.put("url", "https://example.org/?q=\"><svg/onload=window.__xss='url'>");
        source.put("publishedOn", "2020-01-02");
        source.put("quote", payload(what + " quote"));
        return source;
    }

    private ObjectNode withSource(ObjectNode body, ObjectNode source) {
        body.set("source", source);
        body.put("grade", "B2");
        return body;
    }

    private ObjectNode statement(String summary, ObjectNode source) {
        ObjectNode statement = json.createObjectNode();
        statement.put("speaker", SUPPLIER);
        statement.putArray("addressees").add(RECIPIENT);
        statement.put("kind", "EXPECTATION");
        statement.put("madeOn", "2020-05");
        statement.put("summary", summary);
        return withSource(statement, source);
    }

    /** Records a deal, an estimate, a correction, a retraction, a suspension, a statement, an agreement and an import. */
    private String recordEverythingWithMarkup() throws Exception {
        String dealId = uniqueId("markup");
        ObjectNode deal = json.createObjectNode();
        deal.put("id", dealId);
        deal.put("supplier", SUPPLIER);
        deal.put("recipient", RECIPIENT);
        ObjectNode item = ((ArrayNode) deal.putArray("items")).addObject();
        item.put("designation", payload("designation"));
        item.put("description", payload("description"));
        item.put("quantity", 2);
        deal.put("reportedOn", "2020-03");
        ObjectNode estimate = deal.putObject("estimate");
        estimate.put("amount", 5_000_000);
        estimate.put("currency", "USD");
        estimate.put("qualifier", "ABOUT");
        estimate.put("scope", payload("estimate scope"));
        ok(post("/api/v1/deals", withSource(deal, source("report"))));

        ObjectNode secondEstimate = json.createObjectNode();
        secondEstimate.putObject("estimate").put("amount", 7_000_000).put("currency", "USD").put("qualifier", "ABOUT")
                .put("scope", "retracted later");
        secondEstimate.put("estimatedOn", "2020-06");
        ok(post("/api/v1/deals/" + dealId + "/estimates", withSource(secondEstimate, source("estimate"))));

        ObjectNode correction = json.createObjectNode();
        correction.put("eventId", eventIdOf(dealId, 0));
        correction.putObject("changes").put("reportedOn", "2020-02");
        correction.put("reason", payload("correction reason"));
        ok(post("/api/v1/records/" + dealId + "/corrections", withSource(correction, source("correction"))));

        ObjectNode retraction = json.createObjectNode();
        retraction.put("eventId", eventIdOf(dealId, 1));
        retraction.put("reason", payload("retraction reason"));
        ok(post("/api/v1/records/" + dealId + "/retractions", withSource(retraction, source("retraction"))));

        ObjectNode suspension = json.createObjectNode();
        suspension.put("on", "2021-01");
        suspension.put("reason", payload("suspension reason"));
        ok(post("/api/v1/deals/" + dealId + "/suspension", withSource(suspension, source("suspension"))));

        ok(post("/api/v1/statements", statement(payload("statement summary"), source("statement"))));

        ObjectNode agreement = json.createObjectNode();
        agreement.put("title", payload("agreement title"));
        agreement.put("kind", "TREATY");
        agreement.putArray("subjects").add("ARMS_CONTROL");
        agreement.putArray("parties").add(SUPPLIER).add(RECIPIENT);
        agreement.put("signedOn", "2019-04-05");
        agreement.put("place", payload("agreement place"));
        agreement.put("binding", true);
        String last = ok(post("/api/v1/agreements", withSource(agreement, source("agreement"))));

        ObjectNode javascriptUrl = source("refused");
        javascriptUrl.put("url", "javascript:window.__xss='url'");
        assertThat(post("/api/v1/statements", statement("refused", javascriptUrl)).getStatusCode())
                .as("a javascript: URL is refused").isEqualTo(HttpStatus.BAD_REQUEST);
        List.of("refused publisher", "refused title", "refused quote").forEach(payloads::remove);

        importSipriRow(payload("SIPRI designation"), payload("SIPRI description"));
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/relationships/" + SUPPLIER + "/" + RECIPIENT
                + "?waitFor=" + last).getBody().path("dealsTotal").asInt() == 2);
        return dealId;
    }

    /** One row of SIPRI's trade register, San Marino to Monaco, under the sample's own preamble and header. */
    private void importSipriRow(String designation, String description) throws IOException {
        String sample = new String(sipriSample(),
                StandardCharsets.ISO_8859_1);
        List<String> lines = sample.lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("Recipient,Supplier")) {
            header++;
        }
        String row = String.join(",", csv("Monaco"), csv("San Marino"), "2018", "", "2", "", csv(designation),
                csv(description), "2", "", "2019", "New", csv("comment"), "1", "2", "2");
        String file = String.join("\n", lines.subList(0, header + 1)) + "\n" + row + "\n";
        JsonNode done = importSipri(file.getBytes(StandardCharsets.UTF_8), "markup.csv");
        assertThat(done.path("imported").asInt()).as(done.toString()).isEqualTo(1);
    }

    private static String csv(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // --- the browser ---

    private void open(String path) {
        chromium.open(port, path);
    }

    private void signIn(String user, String password) {
        chromium.signIn(user, password);
    }

    private WebElement waitFor(By locator) {
        return chromium.waitFor(locator);
    }

    private String dialogOf(By opener) {
        return dialogOf(waitFor(opener));
    }

    /** Opens a dialog with the given control, answers the page's text with it open, and closes it. */
    private String dialogOf(WebElement opener) {
        script("arguments[0].scrollIntoView({block: 'center'});", opener);
        opener.click();
        WebElement details = waitFor(By.cssSelector("dialog#details[open]"));
        String text = pageText();
        details.sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("details")));
        assertThat(executed()).as("a payload ran in a dialog").isNull();
        return text;
    }

    private String pageText() {
        assertThat(executed()).as("a payload ran").isNull();
        return String.valueOf(script("return document.body.innerText;"));
    }

    private Object executed() {
        return script("return window.__xss === undefined ? null : String(window.__xss);");
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The browser's console messages since the last call that report a Content-Security-Policy violation. */
    private static List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }
}
