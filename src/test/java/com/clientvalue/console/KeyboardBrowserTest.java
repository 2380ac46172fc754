package com.clientvalue.console;

import com.clientvalue.Api;
import com.clientvalue.VersionedRulesIntegrationTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every console screen used from the keyboard alone: on each, Tab reaches every visible link, button
 * and field (one radio button per group, as browsers do), and the element that has the focus shows
 * it. In a draft's grid a rule row is selected from its number with Enter, and the row buttons act on
 * it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardBrowserTest extends VersionedRulesIntegrationTest {
    private static final String TABLE = "clusters/potential-level.csv";
    // marks each visible element a keyboard user must be able to reach, and returns how many there are
    private static final String MARK = """
            const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]),'
                + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
            const seen = new Set();
            let count = 0;
            document.querySelectorAll('[data-kb]').forEach(e => e.removeAttribute('data-kb'));
            for (const e of document.querySelectorAll(focusable)) {
              const style = getComputedStyle(e);
              if (e.getClientRects().length === 0 || style.visibility === 'hidden' || e.closest('[inert]')) continue;
              if (e.type === 'radio') {
                if (seen.has(e.name)) continue;
                seen.add(e.name);
                const group = document.querySelectorAll('input[type=radio][name="' + e.name + '"]');
                const checked = [...group].find(r => r.checked);
                if (checked && checked !== e) { checked.setAttribute('data-kb', String(count++)); continue; }
              }
              e.setAttribute('data-kb', String(count++));
            }
            return count;
            """;
    // what has the focus: its mark, a description, and whether it shows the focus (outline or shadow)
    private static final String FOCUSED = """
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const style = getComputedStyle(e);
            const shown = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
            const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().substring(0, 40) + '"';
            const marked = e.closest('[data-kb]');
            return [marked ? marked.getAttribute('data-kb') : null, what, String(shown)];
            """;
    @Inject
    EmbeddedServer server;
    Browser browser;
    String decisionId;
    String draft;

    @BeforeAll
    void start() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK90,Key ninety,Italy,90\nD75,Develop,Italy,75\nM10,Marginal,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK90,O1,2011-10-01,1000\nD75,O3,2011-10-01,50\nM10,O4,2011-10-01,10\n");
        decisionId = (String) api.post("/api/decisions", Map.of("clientId", "K90", "asOf", "2011-12-10")).get("decisionId");
        api.post("/api/decisions", Map.of("clientId", "M10", "asOf", "2011-12-10"));
        browser = Browser.open(server.getURI());
        browser.signIn("test-token-with-every-role");
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Keyboard draft");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        draft = browser.path();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void tabReachesEveryLinkButtonAndFieldOfEveryScreenAndTheFocusIsSeen() {
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("home", "/console");
        screens.put("clients", "/console/clients?q=K");
        screens.put("rules", "/console/rules");
        screens.put("active table", "/console/rules/tables/" + TABLE);
        screens.put("draft", draft);
        screens.put("draft table", draft + "/tables/" + TABLE);
        screens.put("draft DRL", draft + "/tables/assessment/assessment-score.drl");
        screens.put("validation", draft + "/validation");
        screens.put("impact", draft + "/impact");
        screens.put("versions", "/console/rules/versions");
        screens.put("version", "/console/rules/versions/" + active.current().version());
        screens.put("shadow", "/console/rules/shadow");
        screens.put("scenarios", "/console/scenarios");
        screens.put("audit search", "/console/audit");
        screens.put("decision", "/console/audit/decisions/" + decisionId);
        screens.put("fired rule", "/console/audit/decisions/" + decisionId + "/rules/POT-HIGH");
        screens.put("verification", "/console/audit/verify");
        screens.put("admin log", "/console/audit/log");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> screen : screens.entrySet()) {
            browser.go(screen.getValue());
            settle();
            failures.addAll(walk(screen.getKey()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(browser.severeLogs().isEmpty(), "no screen logged an error");
    }

    @Test
    void aRuleRowIsSelectedFromItsNumberWithEnterAndDeletedWithTheRowButton() {
        browser.go(draft + "/tables/" + TABLE);
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        int rows = ruleRows();
        // Tab from the top of the page to the number of the first rule row
        WebElement number = null;
        for (int i = 0; i < 80 && number == null; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused.getAttribute("class") != null && focused.getAttribute("class").contains("row-number")) {
                number = focused;
            }
        }
        assertTrue(number != null, "Tab reaches a rule row's number");
        assertTrue(number.getAttribute("aria-label").startsWith("Select row"), number.getAttribute("aria-label"));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertEquals(1, browser.all("#grid .tabulator-row.tabulator-selected").size(), "Enter selects the row");
        // back up to the row buttons, and press Delete row
        for (int i = 0; i < 40 && !"row-delete".equals(browser.driver().switchTo().activeElement().getAttribute("id")); i++) {
            new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        assertEquals("row-delete", browser.driver().switchTo().activeElement().getAttribute("id"));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> ruleRows() == rows - 1);
        assertTrue(browser.find("#grid-save").isEnabled(), "the change waits to be saved");
        browser.screenshot("keyboard-grid-row-deleted");
        for (int i = 0; i < 10 && !"grid-save".equals(browser.driver().switchTo().activeElement().getAttribute("id")); i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> browser.path().contains("saved=1"));
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        assertEquals(rows - 1, ruleRows(), "saved without the row");
    }

    private int ruleRows() {
        return (int) browser.all("#grid .tabulator-row").stream().filter(r -> "RULE".equals(r.getAttribute("data-kind"))).count();
    }

    /** Waits for the parts a screen loads by itself (htmx) to be in place. */
    private void settle() {
        browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('.htmx-request, [hx-trigger~=load]:empty')")));
        if (!browser.all("#grid").isEmpty()) {
            browser.waitUntil(d -> browser.find("#grid").getAttribute("data-ready") != null);
        }
    }

    /** Tabs through the screen from its top; names what Tab never reached and what took the focus without showing it. */
    private List<String> walk(String screen) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        int count = ((Number) js.executeScript(MARK)).intValue();
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Set<String> reached = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        // a date field takes three presses (day, month, year)
        for (int i = 0; i < count * 3 + 10; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            List<String> focused = (List<String>) js.executeScript(FOCUSED);
            if (focused == null) {
                continue;
            }
            if (focused.get(0) != null) {
                reached.add(focused.get(0));
            }
            if (!Boolean.parseBoolean(focused.get(2))) {
                failures.add(screen + ": " + focused.get(1) + " has the focus without showing it");
            }
        }
        for (int i = 0; i < count; i++) {
            if (!reached.contains(String.valueOf(i))) {
                failures.add(screen + ": Tab never reaches " + js.executeScript("const e = document.querySelector('[data-kb=\"" + i
                        + "\"]'); return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.innerText || e.value || e.name || '').trim().substring(0, 40)"));
            }
        }
        assertFalse(count == 0, screen + " has something to use");
        return failures.stream().distinct().toList();
    }
}
