package com.clientvalue.console;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.VersionedRulesIntegrationTest;
import com.clientvalue.rules.RuleZip;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit screens in a real browser: an auditor searches decisions made through the API, opens one,
 * follows a fired rule to its row in the table of the version that decided (also once a newer version
 * is active), replays it under another version, verifies the chain before and after tampering, and
 * reads the admin log; people without the role are refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuditBrowserTest extends VersionedRulesIntegrationTest {
    @Inject
    EmbeddedServer server;
    Browser browser;
    Api api;
    String auditor;

    @BeforeAll
    void start() {
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    // revenue 1000, 1000, 50, 10: K90 and K65 class A (KEY under a threshold of 60), D75 class B (DEVELOP), M10 class C (MARGINAL)
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK90,Key ninety,Italy,90\nK65,Key sixty-five,Italy,65\n"
                + "D75,Develop,Italy,75\nM10,Marginal,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK90,O1,2011-10-01,1000\nK65,O2,2011-10-01,1000\n"
                + "D75,O3,2011-10-01,50\nM10,O4,2011-10-01,10\n");
        auditor = TestTokens.token(http.toBlocking(), "console-auditor", "AUDITOR");
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAuditorFindsADecisionByClientAndFollowsAFiredRuleToItsHighlightedRow() {
        Map<String, Object> key = decide("K90", "2011-12-10");
        decide("D75", "2011-12-10");
        decide("M10", "2011-12-10");
        Map<String, Object> potentialHigh = fired(key, "POT-HIGH");

        browser.signIn(auditor);
        browser.go("/console/audit");
        assertEquals(3, browser.all("#results tbody tr").size(), "an empty search lists the newest decisions");
        // from the keyboard: type the client and press Enter
        browser.find("#clientId").sendKeys("K90" + org.openqa.selenium.Keys.ENTER);
        browser.waitUntil(d -> path().contains("clientId=K90"));
        List<WebElement> rows = browser.all("#results tbody tr");
        assertEquals(1, rows.size());
        assertEquals(key.get("decisionId"), rows.get(0).getAttribute("data-decision"));
        assertTrue(rows.get(0).getText().contains("KEY"));
        assertTrue(rows.get(0).getText().contains(((String) key.get("ruleVersion")).substring(0, 12)));
        assertLabelledAndClean("audit-search");

        rows.get(0).findElement(By.cssSelector("a")).click();
        browser.waitUntil(d -> path().equals("/console/audit/decisions/" + key.get("decisionId")));
        assertEquals(key.get("ruleVersion"), browser.text("#rule-version"));
        assertEquals("active version", browser.text("#version-status"));
        assertEquals("KEY", browser.find("#outcome tr[data-field=cluster] td").getText());
        assertEquals("90", browser.find("#facts tr[data-field=potential] td").getText());
        List<Map<String, Object>> explanation = (List<Map<String, Object>>) key.get("explanation");
        assertEquals(explanation.size(), browser.all("#explanation-title + ol.explanation > li").size());
        assertEquals("Potential 90 (HIGH) and revenue class A (HIGH): a key client",
                browser.find("ol.explanation li[data-code=CLU-KEY] .sentence").getText());
        assertEquals("Answered in English: the text exactly as the caller received it.", browser.text("#explanation-language"));
        assertTrue(browser.find("#technical-explanation summary").getText().startsWith("Technical rules (2)"));
        browser.find("#technical-explanation summary").click(); // open, to be seen
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('explanation-title').scrollIntoView()");
        browser.screenshot("audit-decision-explanation");
        assertEquals(((List<?>) key.get("firedRules")).size(), browser.all("#fired-rules tbody tr").size());
        assertLabelledAndClean("audit-decision");

        browser.find("#fired-rules a[href*='/rules/POT-HIGH']").click();
        browser.waitUntil(d -> path().startsWith("/console/audit/decisions/" + key.get("decisionId") + "/rules/POT-HIGH"));
        WebElement highlighted = onlyHighlightedRow();
        assertEquals("row-" + potentialHigh.get("row"), highlighted.getAttribute("id"));
        browser.waitUntil(d -> highlighted.equals(d.switchTo().activeElement()));
        List<String> cells = cells(highlighted);
        // the row the audit record names: its id, its sentence, the threshold of the version that decided
        assertEquals(potentialHigh.get("ruleId"), cells.get(0));
        assertEquals(potentialHigh.get("name"), cells.get(1));
        assertEquals("60", cells.get(columnTitled("Potential at least")));
        assertEquals("HIGH", cells.get(columnTitled("Potential level")));
        assertTrue(browser.text("#rule-table caption").contains("Potential level"));
        assertEquals(3, browser.all("#rule-table tbody tr").size(), "the whole table is shown, the fired row marked");
        assertEquals("active version", browser.text("#version-status"));
        assertLabelledAndClean("audit-rule");
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterANewVersionIsPublishedTheOldDecisionShowsTheOldTableAndReplayShowsTheDifferences() {
        Map<String, Object> before = decide("K65", "2011-12-10");
        String candidate = publishThreshold70();
        Map<String, Object> after = decide("K90", "2011-12-10");
        assertEquals(candidate, after.get("ruleVersion"));
        assertNotEquals(before.get("ruleVersion"), after.get("ruleVersion"));

        browser.signIn(auditor);
        browser.go("/console/audit/decisions/" + before.get("decisionId") + "/rules/POT-HIGH");
        assertEquals(before.get("ruleVersion"), browser.text("#rule-version"));
        assertEquals("no longer active", browser.text("#version-status"));
        List<String> old = cells(onlyHighlightedRow());
        assertEquals("POT-HIGH", old.get(0));
        assertEquals("A potential rated 60 or more is high", old.get(1));
        assertEquals("60", old.get(columnTitled("Potential at least")));
        assertLabelledAndClean("audit-rule-old-version");

        browser.go("/console/audit/decisions/" + after.get("decisionId") + "/rules/POT-HIGH");
        assertEquals(candidate, browser.text("#rule-version"));
        assertEquals("active version", browser.text("#version-status"));
        List<String> current = cells(onlyHighlightedRow());
        assertEquals("A potential rated 70 or more is high", current.get(1));
        assertEquals("70", current.get(columnTitled("Potential at least")));

        // K65 was KEY under a threshold of 60; under 70 its potential is low: a client to maintain
        browser.go("/console/audit/decisions/" + before.get("decisionId"));
        new Select(browser.find("#replay-version")).selectByValue(candidate);
        browser.find("#replay-submit").click();
        browser.waitUntil(d -> !browser.all("#replay-report").isEmpty());
        // the result is scrolled into view (its top at the viewport's: the scroll is in whole pixels, the layout may not be)
        browser.waitUntil(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var r = document.getElementById('replay-result').getBoundingClientRect(); return r.top > -1 && r.top < window.innerHeight;"));
        assertTrue(browser.text("#replay-verdict").contains("The outcome differs"), browser.text("#replay-verdict"));
        WebElement cluster = browser.find("#replay-outcome tr.changed");
        assertTrue(cluster.getText().startsWith("Cluster"), cluster.getText());
        assertEquals(List.of("KEY", "MAINTAIN"), cluster.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList());
        assertTrue(browser.text("#only-original").contains("CLU-KEY"));
        assertTrue(browser.text("#only-replay").contains("CLU-MAINTAIN"));
        assertEquals("/console/audit/decisions/" + before.get("decisionId"), path(), "htmx replaced the result only");
        // both explanations side by side, what one says and the other does not marked on each side
        assertEquals(List.of("CLU-KEY"), browser.all("#original-explanation li.differs").stream()
                .map(line -> line.getAttribute("data-code")).filter(code -> code.startsWith("CLU-")).toList());
        assertTrue(browser.text("#original-explanation li[data-code=CLU-KEY]").contains("a key client"));
        assertTrue(browser.text("#replayed-explanation li.differs[data-code=CLU-MAINTAIN]").contains("a client to maintain"),
                browser.text("#replayed-explanation"));
        // the same replay use case as the API answers
        Map<String, Object> report = api.post("/api/audit/decisions/" + before.get("decisionId") + "/replay?version=" + candidate, Map.of());
        assertEquals(report.get("rulesOnlyInReplay"), browser.all("#only-replay li code").stream().map(WebElement::getText).sorted().toList());
        assertLabelledAndClean("audit-replay");

        browser.go("/console/audit?ruleVersion=" + before.get("ruleVersion"));
        assertEquals(1, browser.all("#results tbody tr").size(), "searched by the version that decided");
        browser.go("/console/audit?ruleId=CLU-MAINTAIN");
        assertTrue(browser.all("#results tbody tr").isEmpty() && !browser.all("#no-results").isEmpty());
    }

    @Test
    void verificationSaysIntactThenNamesTheFirstTamperedRecord() {
        decide("K90", "2011-12-10");
        Map<String, Object> tampered = decide("D75", "2011-12-10");
        decide("M10", "2011-12-10");

        browser.signIn(auditor);
        browser.go("/console/audit/verify");
        assertTrue(browser.all("#verify-result").isEmpty(), "nothing is verified before the button is pressed");
        browser.find("#verify-button").click();
        browser.waitUntil(d -> !browser.all("#verify-result").isEmpty());
        assertEquals("true", browser.find("#verify-result").getAttribute("data-intact"));
        assertTrue(browser.text("#verify-result").contains("3 decisions in 3 blocks"), browser.text("#verify-result"));
        assertLabelledAndClean("audit-verify-intact");

        db.execute("UPDATE decision_audit SET cluster = 'KEY' WHERE decision_id = '" + tampered.get("decisionId") + "'");
        browser.find("#verify-button").click();
        browser.waitUntil(d -> {
            try {
                return "false".equals(browser.find("#verify-result").getAttribute("data-intact"));
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
        assertEquals("The audit is broken", browser.text("#verify-result h2"));
        assertEquals(tampered.get("decisionId"), browser.text("#broken-decision"));
        assertTrue(browser.text("#broken-why").contains("was changed after it was written"), browser.text("#broken-why"));
        assertEquals(false, api.get("/api/audit/verify").get("intact"), "the page says what the API says");
        assertLabelledAndClean("audit-verify-broken");
    }

    @Test
    void theAdminLogListsWhoDidWhatNewestFirstAndPagesBack() {
        String name = "console-log-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/tokens", Map.of("name", name, "roles", List.of("CRM")));
        browser.signIn(auditor);
        browser.go("/console/audit/log");
        List<WebElement> rows = browser.all("#events tbody tr");
        assertFalse(rows.isEmpty());
        assertTrue(rows.get(0).getText().contains("TOKEN_CREATED") && rows.get(0).getText().contains(name)
                && rows.get(0).getText().contains("roles CRM"), rows.get(0).getText());
        assertLabelledAndClean("audit-log");

        long newest = Long.parseLong(rows.get(0).findElement(By.cssSelector("td")).getText());
        browser.go("/console/audit/log?beforeId=" + newest);
        List<WebElement> older = browser.all("#events tbody tr");
        assertFalse(older.isEmpty());
        assertTrue(older.stream().allMatch(r -> Long.parseLong(r.findElement(By.cssSelector("td")).getText()) < newest));
        assertFalse(browser.find("#events").getText().contains(name));
    }

    @Test
    void aRuleWrittenInDrlIsShownInItsFileOfTheDecidingVersionFromItsFirstLineToItsEnd() {
        Map<String, Object> rating = Map.of("risk", 4, "opportunity", 2);
        api.post("/api/clients/K90/assessments", Map.of("assessedOn", "2011-12-01", "assessors", List.of("Anna"),
                "competition", rating, "serviceLevel", rating, "knowledge", rating, "product", rating, "people", rating));
        Map<String, Object> assessed = decide("K90", "2011-12-10");
        Map<String, Object> score = fired(assessed, "ASM-SCORE");

        browser.signIn(auditor);
        browser.go("/console/audit/decisions/" + assessed.get("decisionId") + "/rules/ASM-SCORE");
        List<WebElement> marked = browser.all("#rule-table tbody tr.highlight");
        assertEquals("row-" + score.get("row"), marked.get(0).getAttribute("id"), "the rule's first line is the line the audit names");
        assertEquals(List.of("row-" + score.get("row")), browser.all("#rule-table tbody tr[aria-current=true]").stream()
                .map(r -> r.getAttribute("id")).toList(), "the current line is the rule's first");
        assertTrue(marked.get(0).getText().contains("rule \"The latest assessment is scored"), marked.get(0).getText());
        assertEquals("end", marked.get(marked.size() - 1).findElement(By.cssSelector("td")).getText().trim());
        assertTrue(marked.stream().anyMatch(r -> r.getText().contains("@ruleId(\"ASM-SCORE\")")));
        assertTrue(browser.all("#rule-table tbody tr").size() > marked.size(), "the whole file is shown");
        assertLabelledAndClean("audit-rule-drl");
        browser.find("#same-rule").click();
        browser.waitUntil(d -> path().startsWith("/console/audit?ruleId=ASM-SCORE"));
        assertEquals(assessed.get("decisionId"), browser.find("#results tbody tr").getAttribute("data-decision"));
    }

    @Test
    void resultsArePagedNewestFirstAndThePagesKeepTheFilters() {
        for (int day = 1; day <= 8; day++) {
            api.postRaw("/api/decisions/batch", Map.of("clientIds", List.of("K90", "K65", "D75", "M10"), "asOf", "2011-11-0" + day));
        }
        decide("K90", "2011-12-10");
        browser.signIn(auditor);
        browser.go("/console/audit?asOfTo=2011-11-30&whatIf=false");
        assertEquals(25, browser.all("#results tbody tr").size());
        assertTrue(browser.text("#result-count").contains("1 to 25 of 32"), browser.text("#result-count"));
        assertTrue(browser.all("a[rel=prev]").isEmpty());
        browser.find("a[rel=next]").click();
        browser.waitUntil(d -> path().contains("page=1"));
        assertTrue(path().contains("asOfTo=2011-11-30") && path().contains("whatIf=false"), path());
        assertEquals(7, browser.all("#results tbody tr").size());
        assertTrue(browser.all("#results tbody tr").stream().noneMatch(r -> r.getText().contains("Dec 10, 2011")));
        assertEquals("2011-11-30", browser.find("#asOfTo").getAttribute("value"), "the form shows what was asked");
        assertEquals("false", new Select(browser.find("#whatIf")).getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.all("a[rel=next]").isEmpty());
        browser.screenshot("audit-search-page-2");
    }

    @Test
    void withoutScriptsTheReplayFormAnswersTheWholePageWithTheResult() {
        Map<String, Object> key = decide("K90", "2011-12-10");
        String page = page("/console/audit/decisions/" + key.get("decisionId") + "?replay=", "console-auditor", "AUDITOR");
        assertTrue(page.strip().startsWith("<!doctype html>"), "a whole page");
        assertTrue(page.contains("id=\"replay-report\"") && page.contains("gives the same outcome"), page);
    }

    @Test
    void peopleWithoutTheAuditorRoleAreRefused() {
        browser.signIn(TestTokens.token(http.toBlocking(), "console-analyst-only", "ANALYST"));
        assertTrue(browser.all("nav a[href='/console/audit']").isEmpty(), "the navigation offers no audit to an analyst");
        browser.go("/console/audit");
        assertEquals("Not allowed", browser.text("h1"));
        assertTrue(browser.text("main").contains("AUDITOR"));
        browser.screenshot("audit-forbidden");

        assertEquals(403, status("/console/audit", "console-analyst-only", "ANALYST"));
        assertEquals(403, status("/console/audit/verify", "console-analyst-only", "ANALYST"));
        assertEquals(403, status("/console/audit/log", "console-analyst-only", "ANALYST"));
        // the admin log is also the administrators'; the decisions are not
        assertEquals(200, status("/console/audit/log", "console-admin-only", "ADMIN"));
        assertEquals(403, status("/console/audit", "console-admin-only", "ADMIN"));
        assertEquals(200, status("/console/audit", "console-auditor", "AUDITOR"));
    }

    @Test
    void anUnknownDecisionOrARuleThatDidNotFireIsA404PageThatSaysWhat() {
        Map<String, Object> key = decide("K90", "2011-12-10");
        assertEquals(404, status("/console/audit/decisions/no-such-decision", "console-auditor", "AUDITOR"));
        assertEquals(404, status("/console/audit/decisions/" + key.get("decisionId") + "/rules/CLU-MARGINAL", "console-auditor", "AUDITOR"));
        browser.signIn(auditor);
        browser.go("/console/audit/decisions/" + key.get("decisionId") + "/rules/CLU-MARGINAL");
        assertEquals("Rule CLU-MARGINAL did not fire in this decision.", browser.text("#missing"));
        browser.go("/console/audit?asOfFrom=10/12/2011&cluster=GOLD");
        assertEquals(2, browser.all("#search-problems li").size());
        browser.screenshot("audit-search-problems");
    }

    @Test
    void theScreensSpeakItalian() {
        Map<String, Object> key = decide("K90", "2011-12-10");
        try (Browser italian = Browser.open(server.getURI(), "it-IT")) {
            italian.signIn(auditor);
            italian.go("/console/audit?clientId=K90");
            assertEquals("it", italian.find("html").getAttribute("lang"));
            assertEquals("Decisioni registrate", italian.text("h1"));
            assertTrue(italian.text("#result-count").contains("Decisioni da 1 a 1 di 1"));
            italian.screenshot("audit-search-it");
            italian.go("/console/audit/decisions/" + key.get("decisionId"));
            assertEquals("Decisione per K90 al 10 dic 2011", italian.text("h1"));
            assertEquals("versione attiva", italian.text("#version-status"));
            assertEquals("Potenziale (0-100)", italian.find("#facts tr[data-field=potential] th").getText());
            italian.screenshot("audit-decision-it");
            italian.go("/console/audit/decisions/" + key.get("decisionId") + "/rules/CLU-KEY");
            assertTrue(italian.text("#rule-table caption").startsWith("Tabella Cluster classification"));
            italian.go("/console/audit/verify");
            italian.find("#verify-button").click();
            italian.waitUntil(d -> !italian.all("#verify-result").isEmpty());
            assertEquals("L'audit è integro", italian.text("#verify-result h2"));
            italian.screenshot("audit-verify-it");
        }
    }

    private Map<String, Object> decide(String clientId, String asOf) {
        return api.post("/api/decisions", Map.of("clientId", clientId, "asOf", asOf));
    }

    /**
     * Publishes the threshold-70 edit as an analyst. Publishing checks the candidate against the stored
     * portfolio, which on a loaded machine outlasts the test client's 10 s read timeout: a client of its own.
     */
    private String publishThreshold70() {
        byte[] zip = RuleZip.potentialThreshold70(" " + java.util.UUID.randomUUID());
        try {
            var published = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(server.getURI().resolve("/api/rules/versions")).timeout(java.time.Duration.ofMinutes(2))
                    .header("Content-Type", "application/zip")
                    .header("Authorization", "Bearer " + TestTokens.token(http.toBlocking(), "console-publisher", "ANALYST"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, published.statusCode(), published::body);
            return (String) api.read(published.body()).get("version");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fired(Map<String, Object> decision, String ruleId) {
        return ((List<Map<String, Object>>) decision.get("firedRules")).stream().filter(r -> r.get("ruleId").equals(ruleId))
                .findFirst().orElseThrow(() -> new AssertionError(ruleId + " did not fire: " + decision.get("firedRules")));
    }

    private String path() {
        return browser.path();
    }

    private WebElement onlyHighlightedRow() {
        List<WebElement> highlighted = browser.all("#rule-table tbody tr.highlight");
        assertEquals(1, highlighted.size(), "exactly the fired row is highlighted");
        assertEquals("true", highlighted.get(0).getAttribute("aria-current"));
        assertEquals(1, browser.all("#rule-table tbody tr[aria-current]").size());
        return highlighted.get(0);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
    }

    /** The index among a row's cells of the column with this title. */
    private int columnTitled(String title) {
        List<String> titles = browser.all("#rule-table thead th .col-title").stream().map(WebElement::getText).toList();
        int index = titles.indexOf(title);
        assertTrue(index >= 0, () -> "no column " + title + " in " + titles);
        return index;
    }

    /**
     * Every form control has a label, every table a caption and scoped headers, the page logged no
     * error (a script or style the CSP refused) and no text key is missing; then the screenshot.
     */
    private void assertLabelledAndClean(String screenshot) {
        for (WebElement control : browser.all("main input:not([type=hidden]), main select")) {
            String id = control.getAttribute("id");
            assertFalse(id == null || id.isEmpty() || browser.all("label[for='" + id + "']").isEmpty(), () -> "unlabelled control " + id);
        }
        for (WebElement table : browser.all("main table")) {
            assertFalse(table.findElements(By.cssSelector("caption")).isEmpty(), "a table without caption");
            assertTrue(table.findElements(By.cssSelector("th:not([scope])")).isEmpty(), "a header without scope");
        }
        assertFalse(browser.find("body").getText().contains("??"), "a text key is missing");
        List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
        browser.screenshot(screenshot);
    }

    /** The status of a console page for a person with these roles, through a session of their own. */
    private int status(String page, String name, String... roles) {
        return fetch(page, name, roles).statusCode();
    }

    /** The HTML of a console page for a person with these roles, as a browser without scripts gets it. */
    private String page(String page, String name, String... roles) {
        var answer = fetch(page, name, roles);
        assertEquals(200, answer.statusCode());
        return answer.body();
    }

    private java.net.http.HttpResponse<String> fetch(String page, String name, String... roles) {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var signedIn = client.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/console/sign-in"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + TestTokens.token(http.toBlocking(), name, roles)))
                            .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            String session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cv_session="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            return client.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(page)).header("Cookie", session).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
