package com.clientvalue.console;

import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Scenarios screen lists every scenario row of the real rules/tests files, each with its result. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenariosBrowserTest extends HttpIntegrationTest {
    @Inject
    EmbeddedServer server;
    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.open(server.getURI());
        browser.signIn(TestTokens.token(http.toBlocking(), "console-scenarios", "AUDITOR"));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void everyScenarioRowOfEveryAreaIsShownWithItsResult() throws Exception {
        browser.go("/console/scenarios");
        List<WebElement> rows = browser.all("#area-clusters table.scenarios tbody tr");
        // the clusters area has one row per scenario line of rules/tests/clusters.csv (header and comments aside)
        long lines = Files.readAllLines(Path.of("rules/tests/clusters.csv")).stream().skip(1)
                .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        assertEquals(lines, rows.size());
        WebElement first = rows.get(0);
        assertEquals("2", first.getAttribute("data-line"), "rows carry the line of the file they come from");
        assertTrue(first.getText().contains("potential 60 and class A make a key client"), first.getText());
        assertTrue(first.getText().contains("CLU-KEY"), "the rules that fired are shown: " + first.getText());
        // the real rules pass all their scenarios (publication requires it)
        assertTrue(browser.all("tr.failed").isEmpty());
        assertTrue(browser.text("#scenario-totals").startsWith("All "), browser.text("#scenario-totals"));
        assertTrue(browser.severeLogs().isEmpty());
        browser.screenshot("scenarios");

        browser.find("input[name=failed]").click();
        browser.find("form.toolbar button").click();
        browser.waitUntil(d -> browser.path().contains("failed=true"));
        assertTrue(browser.all("table.scenarios tbody tr").isEmpty(), "no failing scenario to list");
    }
}
