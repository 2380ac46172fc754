package com.clientvalue.console;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the console's browser tests: one headless Chromium per test class on the service under
 * test, closed after the class. Subclasses carry {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends HttpIntegrationTest {
    @Inject
    protected EmbeddedServer server;
    protected Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }
}
