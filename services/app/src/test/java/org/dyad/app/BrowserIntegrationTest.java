package org.dyad.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

/**
 * An integration test that drives the dashboard in a real headless Chromium (Debian's), started once per class with
 * its console kept for Content-Security-Policy reports.
 */
@Tag("browser")
abstract class BrowserIntegrationTest extends DyadIntegrationTest {

    protected static HeadlessChromium chromium;
    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(true);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
