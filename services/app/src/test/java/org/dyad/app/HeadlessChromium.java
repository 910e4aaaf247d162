package org.dyad.app;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver, with a fresh profile, for the dashboard's browser tests.
 * Where the browser is missing the tests are skipped, unless {@code DYAD_REQUIRE_BROWSER} is set (as in CI).
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DYAD_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("DYAD_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser; {@code withConsole} keeps its console's messages (where Chromium reports every
     * Content-Security-Policy violation) for {@code driver().manage().logs()}.
     */
    static HeadlessChromium start(boolean withConsole) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("DYAD_REQUIRE_BROWSER") != null) {
            assertThat(installed).as("Chromium at %s and ChromeDriver at %s (apt install chromium chromium-driver)",
                    CHROMIUM, CHROMEDRIVER).isTrue();
        }
        assumeTrue(installed, "Chromium or ChromeDriver is not installed: apt install chromium chromium-driver");
        Path profile = Files.createTempDirectory("dyad-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling home, which a closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--lang=en-US", "--window-size=1440,1000",
                "--user-data-dir=" + profile);
        if (withConsole) {
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the Dyad listening on {@code port}. */
    void open(int port, String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs in through the dashboard's own dialog and waits until it has closed. */
    void signIn(String user, String password) {
        WebElement form = waitFor(By.cssSelector("dialog#signin[open] #signin-form"));
        form.findElement(By.name("user")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("signin")));
    }

    /** The element once it is visible. */
    WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "\nThe page at " + driver.getCurrentUrl() + " showed: "
                    + shown(), e);
        }
    }

    /** What the page shows (its banner and main text, shortened), to say why an element never appeared. */
    private String shown() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.length() > 3_000 ? text.substring(0, 3_000) + "…" : text;
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile);
    }
}
