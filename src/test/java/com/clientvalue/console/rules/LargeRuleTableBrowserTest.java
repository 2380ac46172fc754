package com.clientvalue.console.rules;

import com.clientvalue.TestTokens;
import com.clientvalue.console.BrowserTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule table of 600 rows in a draft (uploaded through the draft's upload, as an analyst would):
 * the grid shows row 600 once scrolled to it, and an edit typed there (Enter keeps it) is saved.
 * It prints how long the grid took to be ready and the edit's round trip (for src/docs/console.md);
 * it asserts no duration, the machine's load decides those.
 */
@MicronautTest(transactional = false)
class LargeRuleTableBrowserTest extends BrowserTest {
    static final int ROWS = 600;
    static final String TABLE = "clusters/potential-level.csv";

    @Test
    void theLastOfSixHundredRowsIsShownEditedWithTheKeyboardAndSaved() throws Exception {
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-large-table", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Six hundred rows");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();
        browser.go(draft + "/tables/" + TABLE);
        ready();
        Path file = Files.createTempFile("potential-level-600", ".csv");
        Files.writeString(file, sixHundredRows());
        browser.find("#csv-file").sendKeys(file.toString());
        browser.waitUntil(d -> browser.find("#csv-submit").isEnabled());
        browser.find("#csv-submit").click();
        browser.waitUntil(d -> browser.path().contains("upload=done"));

        List<Double> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            browser.go(draft + "/tables/" + TABLE);
            opened.add(ready());
        }
        assertEquals(ROWS + 9, ((Number) js("return JSON.parse(document.getElementById('grid').getAttribute('data-grid')).lines.length"))
                .intValue(), "the 600 rule rows and the table's 9 other lines");

        // the last rule row, line 609 of the sheet: scrolled to, then edited with the keyboard only
        js("document.getElementById('grid').scrollIntoView(); var t = Tabulator.findTable('#grid')[0];"
                + " return t.scrollToRow(t.getRows().filter(function (r) { return r.getData().n === 609; })[0], 'center', false);");
        WebElement last = browser.find("#grid .tabulator-row[data-row='609']");
        assertTrue(last.getText().contains("POT-R600"), last.getText());
        WebElement cell = browser.find("#grid .tabulator-row[data-row='609'] .tabulator-cell[data-col='1']");
        long typed = System.nanoTime();
        // a click on a rule cell opens its editor (as on any table); the text is typed and Enter keeps it
        cell.click();
        WebElement input = browser.find("#grid .tabulator-row[data-row='609'] .tabulator-cell[data-col='1'] input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "The six hundredth row, edited");
        input.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.text("#grid .tabulator-row[data-row='609']").contains("edited"));
        double editMs = (System.nanoTime() - typed) / 1e6;
        assertTrue(browser.text("#grid-status").contains("Unsaved"));
        browser.screenshot("rules-grid-600-edited");

        long saving = System.nanoTime();
        browser.find("#grid-save").click();
        browser.waitUntil(d -> browser.path().contains("saved=1"));
        ready();
        double saveMs = (System.nanoTime() - saving) / 1e6;
        String stored = db.text("SELECT CONVERT(content USING utf8mb4) FROM console_draft_file WHERE path = '" + TABLE
                + "' AND draft_id = " + draft.substring(draft.lastIndexOf('/') + 1));
        assertTrue(stored.contains("POT-R600,\"The six hundredth row, edited\",,,600,HIGH,"), stored.substring(stored.length() - 300));
        assertEquals(ROWS + 9, stored.lines().count());
        System.out.printf(Locale.ROOT, "GRID-600 render=%s ready-ms=%s edit-ms=%.0f save-and-reload-ms=%.0f rows-in-dom=%s%n",
                js("return Tabulator.findTable('#grid')[0].options.renderVertical"), opened, editMs, saveMs,
                js("return document.querySelectorAll('#grid .tabulator-row').length"));
        // the same 609 lines and columns built again in this page by each renderer (no row formatter), for comparison
        browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(180));
        for (String renderer : List.of("virtual", "basic", "virtual", "basic")) {
            Object built = ((JavascriptExecutor) browser.driver()).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var grid = Tabulator.findTable('#grid')[0]; var host = document.createElement('div'); document.body.appendChild(host);"
                    + "var started = performance.now();"
                    + "var t = new Tabulator(host, {data: grid.getData(), columns: grid.getColumnDefinitions(), layout: 'fitDataStretch',"
                    + " renderVertical: '" + renderer + "'" + ("virtual".equals(renderer) ? ", height: '70vh'" : "") + "});"
                    + "t.on('tableBuilt', function () { setTimeout(function () { var ms = Math.round(performance.now() - started);"
                    + " var rows = host.querySelectorAll('.tabulator-row').length; t.destroy(); host.remove(); done(ms + ' ms, ' + rows + ' rows in the page'); }, 0); });");
            System.out.printf(Locale.ROOT, "GRID-600 in-page build %s: %s%n", renderer, built);
        }
    }

    // milliseconds from the start of the navigation to the grid's tableBuilt (console-assets/rules-grid.js sets data-ready)
    private double ready() {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(120)).until(d ->
                    js("return document.getElementById('grid') && document.getElementById('grid').getAttribute('data-ready')") != null);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("rules-grid-600-not-ready");
            try {
                Files.writeString(Path.of("target", "rules-grid-600-page.html"), browser.driver().getPageSource());
            } catch (java.io.IOException ignored) {
                // the assertion below says what matters
            }
            throw new AssertionError("the grid was not ready at " + browser.path() + "; the browser logged " + browser.severeLogs()
                    + "; the page says: " + browser.text("main").substring(0, Math.min(600, browser.text("main").length())), e);
        }
        return Double.parseDouble((String) js("return document.getElementById('grid').getAttribute('data-ready')"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static String sixHundredRows() throws java.io.IOException {
        String original = Files.readString(com.clientvalue.RealRulesFolder.PATH.resolve(TABLE));
        String head = original.substring(0, original.indexOf("POT-HIGH,"));
        StringBuilder rows = new StringBuilder(head);
        for (int i = 1; i <= ROWS; i++) {
            rows.append(String.format(Locale.ROOT, "POT-R%03d,A potential of exactly %d is %s,,,%d,%s,\n", i, i, i >= 60 ? "high" : "low", i,
                    i >= 60 ? "HIGH" : "LOW"));
        }
        return rows.toString();
    }
}
