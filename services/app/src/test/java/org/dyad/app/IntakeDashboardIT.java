package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.sipri.ReferenceDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake page in a real headless Chromium: an analyst pastes the founding article (read from the shared reference
 * directory at test time), drafts it, sees the supporting words highlighted, records only the two agreements and
 * finds them in the relationship with the draft's id; a text holding markup is shown as text and never runs, and an
 * edit that breaks a command's rules is refused with the field named in the banner.
 */
// a Dyad of its own: the founding article's agreements are recorded by the seed case in the shared one
@TestPropertySource(properties = "dyad.test.scenario=intake-page")
@Tag("browser")
class IntakeDashboardIT extends BrowserIntegrationTest {

    private static final Set<String> AGREEMENTS = Set.of("rus-irn-2001-1", "rus-irn-2001-2");

    private void paste(WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    private WebElement draft(String text, String publisher, String title, String publishedOn) {
        chromium.open(port, "/?page=intake");
        // the browser keeps its session between the tests of this class
        String shown = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("dialog#signin[open]")).isEmpty() ? "sign-in"
                        : d.findElements(By.cssSelector("#intake-form")).stream().anyMatch(WebElement::isDisplayed)
                        ? "intake" : null);
        if (shown.equals("sign-in")) {
            chromium.signIn("analyst", "analyst-local");
        }
        WebElement form = chromium.waitFor(By.id("intake-form"));
        paste(form.findElement(By.name("text")), text);
        form.findElement(By.name("publisher")).sendKeys(publisher);
        form.findElement(By.name("title")).sendKeys(title);
        paste(form.findElement(By.name("publishedOn")), publishedOn);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return chromium.waitFor(By.cssSelector("#intake-draft .draft"));
    }

    @Test
    void anAnalystDraftsTheFoundingArticleAndRecordsOnlyTheTwoAgreements() throws IOException {
        String article = Files.readString(ReferenceDirectory.require("seed-article-2001-russia-iran.txt"),
                StandardCharsets.UTF_8);
        WebElement draft = draft(article, "Los Angeles Times", "Russia, Iran Reach Military, Economic Accords",
                "2001-03-13");
        String draftId = draft.getDomAttribute("data-draft");

        List<String> marks = draft.findElements(By.cssSelector(".intake-text mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marks).anySatisfy(mark -> assertThat(mark).contains("could reach $7 billion"));
        assertThat(draft.findElement(By.cssSelector(".intake-text")).getText())
                .as("the whole text is shown").contains("three Kilo-class");

        List<String> kept = new ArrayList<>();
        for (WebElement proposal : draft.findElements(By.cssSelector("fieldset.proposal"))) {
            JsonNode body = json.readTree(proposal.findElement(By.name("body")).getDomProperty("value"));
            WebElement record = proposal.findElement(By.name("record"));
            assertThat(record.isSelected()).as("every proposal starts as accepted").isTrue();
            if (AGREEMENTS.contains(body.path("id").asText())) {
                kept.add(body.path("id").asText());
            } else {
                record.click();
            }
        }
        assertThat(kept).containsExactlyInAnyOrderElementsOf(AGREEMENTS);
        draft.findElement(By.id("intake-record")).click();

        List<String> recorded = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            List<String> texts = d.findElements(By.cssSelector("#intake-recorded li[data-record] a")).stream()
                    .map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(AGREEMENTS);
        assertThat(browser.findElement(By.cssSelector("#intake-recorded li[data-record] a")).getDomAttribute("href"))
                .matches("\\?page=relationship&a=(RUS&b=IRN|IRN&b=RUS)");

        JsonNode acceptance = as("analyst", "analyst-local")
                .getForEntity("/api/v1/intake/drafts/" + draftId, JsonNode.class).getBody().path("acceptance");
        String[] tokens = ids(acceptance.path("accepted"), "consistencyToken").toArray(String[]::new);
        assertThat(acceptance.path("rejected")).as("the unchecked proposals are kept as rejected").isNotEmpty();
        JsonNode timeline = getConsistent("/api/v1/relationships/IRN/RUS", tokens).getBody().path("timeline");
        List<String> fromDraft = new ArrayList<>();
        timeline.forEach(entry -> {
            if (draftId.equals(entry.path("draftId").asText())) {
                fromDraft.add(entry.path("recordId").asText());
            }
        });
        assertThat(fromDraft).containsExactlyInAnyOrderElementsOf(AGREEMENTS);
    }

    @Test
    void aTextHoldingMarkupIsShownAsTextAndNeverRuns() {
        String markup = "<img src=x onerror=window.__xss=1>";
        WebElement draft = draft("Russia signed an agreement with Iran in Moscow on Monday. " + markup
                + " <script>window.__xss=2</script>", "Test Wire", "Markup", "2001-03-13");

        assertThat(draft.findElement(By.cssSelector(".intake-text")).getText()).contains(markup)
                .contains("<script>window.__xss=2</script>");
        assertThat(draft.findElements(By.cssSelector("img, script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.__xss")).isEqualTo("undefined");

        // an edit that breaks the command's rules is refused, and the banner names the field
        WebElement signedOn = draft.findElement(By.cssSelector("fieldset.proposal[data-command=SignAgreement]"))
                .findElement(By.name("/signedOn"));
        signedOn.clear();
        signedOn.sendKeys("13/03/2001", Keys.TAB);
        draft.findElements(By.cssSelector("fieldset.proposal:not([data-command=SignAgreement]) [name=record]"))
                .forEach(WebElement::click);
        draft.findElement(By.id("intake-record")).click();
        WebElement banner = chromium.waitFor(By.id("banner"));
        assertThat(banner.getText()).contains("accepted[0].body.signedOn");
        assertThat(browser.findElements(By.cssSelector("#intake-recorded li"))).isEmpty();
    }
}
