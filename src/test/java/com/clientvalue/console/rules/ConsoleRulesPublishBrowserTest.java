package com.clientvalue.console.rules;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.VersionedRulesIntegrationTest;
import com.clientvalue.console.Browser;
import com.clientvalue.rules.RuleZip;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst's main flow, end to end on the real service: a draft of the potential threshold,
 * a problem shown at its cell, fixed, validated, its impact previewed and published; the next
 * decision uses the published version. Then a stale draft, the versions and a rollback by ADMIN.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "rules.poll-interval", value = "500ms")
class ConsoleRulesPublishBrowserTest extends VersionedRulesIntegrationTest {
    static final String TABLE = "clusters/potential-level.csv";
    @Inject
    EmbeddedServer server;
    @Inject
    Drafts drafts;
    Browser browser;
    Api api;

    @BeforeAll
    void start() {
        browser = Browser.open(server.getURI());
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK65,Key,Italy,65\nK90,Key,Italy,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK65,A1,2011-10-01,1000\nK90,A2,2011-10-01,1000\n");
    }

    @Test
    void anAnalystRaisesThePotentialThresholdFromADraftToTheNextDecision() {
        assertEquals("KEY", cluster(decide("K65")));
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-publisher", "ANALYST"));
        browser.go("/console/rules");
        browser.find("a[href='/console/rules/tables/" + TABLE + "']").click();
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Potential threshold 70");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();

        // a threshold typed as a word: the validation shows it at its cell
        openGrid(draft, TABLE);
        edit(10, 2, "sixty");
        save();
        browser.find("#validate-link").click();
        browser.waitUntil(d -> browser.path().endsWith("/validation"));
        browser.await("#verdict", java.time.Duration.ofSeconds(90));
        assertTrue(browser.text("#verdict").contains("Not valid"), browser.text("#verdict"));
        WebElement problem = browser.find("#problems-cells li");
        assertTrue(problem.getText().contains("row 10") && problem.getText().contains("column C (Potential at least)")
                && problem.getText().contains("'sixty' is not a whole number"), problem.getText());
        browser.screenshot("rules-validation-problem");
        problem.findElement(By.cssSelector("a.problem-link")).click();
        browser.waitUntil(d -> !browser.all("#grid .tabulator-cell.cell-focus").isEmpty());
        WebElement marked = browser.find("#grid .tabulator-row[data-row='10'] .tabulator-cell[data-col='2']");
        assertTrue(marked.getAttribute("class").contains("cell-problem") && marked.getAttribute("class").contains("cell-focus"),
                marked.getAttribute("class"));
        assertTrue(marked.getAttribute("title").contains("'sixty' is not a whole number"));
        assertTrue(browser.text("#file-problems").contains("'sixty'"));
        browser.screenshot("rules-grid-problem-at-cell");
        // publishing it anyway is refused with the same problem, and nothing changes
        browser.go(draft);
        browser.find("#comment").sendKeys("too early");
        browser.find("#publish").click();
        browser.waitUntil(d -> !browser.all("#refused").isEmpty());
        assertTrue(browser.text("#refused").contains("'sixty' is not a whole number"), browser.text("#refused"));
        assertTrue(browser.text("#draft-message").contains("Not published"));
        assertEquals(original, active.current().version());
        assertEquals("too early", browser.find("#comment").getAttribute("value"), "the comment typed is kept");
        browser.screenshot("rules-publish-refused");
        openGrid(draft, TABLE);

        // fixed, both rows; the scenarios that pinned 60 fail until they follow
        edit(10, 2, "70");
        edit(11, 3, "70");
        save();
        browser.find("#validate-link").click();
        browser.waitUntil(d -> browser.path().endsWith("/validation"));
        browser.await("#verdict", java.time.Duration.ofSeconds(90));
        assertTrue(browser.text("#check-scenarios").contains("tests/clusters.csv"), browser.text("#check-scenarios"));
        assertTrue(browser.all("#problems-cells").isEmpty(), "the table itself is now fine");
        browser.screenshot("rules-validation-scenarios");
        browser.find("#problems-scenarios a.problem-link").click();
        browser.waitUntil(d -> !browser.all("#grid .tabulator-cell.cell-focus").isEmpty());
        assertTrue(browser.path().startsWith(draft + "/tables/tests/clusters.csv"));
        edit(2, 1, "70");
        edit(5, 1, "70");
        save();
        browser.find("#validate-link").click();
        browser.waitUntil(d -> browser.path().endsWith("/validation"));
        browser.await("#verdict", java.time.Duration.ofSeconds(90));
        assertTrue(browser.text("#verdict").startsWith("Valid"), browser.text("#verdict"));
        browser.screenshot("rules-validation-valid");

        // the impact over the stored portfolio, as of the orders' time
        browser.go(draft + "/impact");
        setDate("#asOf", "2011-12-10");
        browser.find("#impact-start").click();
        browser.await("#impact-summary", java.time.Duration.ofSeconds(90));
        assertTrue(browser.text("#impact-summary").startsWith("1 of 2 clients"), browser.text("#impact-summary"));
        assertTrue(browser.text("#cluster-matrix").contains("KEY MAINTAIN 1"), browser.text("#cluster-matrix"));
        assertTrue(browser.text("#impact-sample").contains("K65"));
        browser.screenshot("rules-impact");

        browser.go(draft);
        browser.find("#comment").clear();
        browser.find("#comment").sendKeys("raise the potential threshold to 70");
        browser.find("#publish").click();
        browser.waitUntil(d -> browser.path().contains("/console/rules/versions/"));
        String published = browser.text("#version-hash");
        assertNotEquals(original, published);
        assertEquals(published, active.current().version());
        assertEquals("rules-publisher", browser.text("#version-by"));
        assertEquals("raise the potential threshold to 70", browser.text("#version-comment"));
        assertTrue(browser.text("#version-changes").contains("POT-HIGH"), browser.text("#version-changes"));
        assertFalse(browser.all("#version-active").isEmpty());
        assertNoErrors();
        browser.screenshot("rules-published");

        Map<String, Object> decision = decide("K65");
        assertEquals(published, decision.get("ruleVersion"), "the next decision uses the published version");
        assertEquals("MAINTAIN", cluster(decision));
        assertEquals(0, db.count("SELECT COUNT(*) FROM console_draft WHERE owner = 'rules-publisher'"), "a published draft is gone");
        assertTrue(db.count("SELECT COUNT(*) FROM admin_event WHERE action = 'RULES_PUBLISHED' AND actor = 'rules-publisher'") > 0);
    }

    @Test
    void aDraftWhoseBaseIsNoLongerActiveSaysWhatChangedAndIsNotPublished() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-late", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Late draft");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();
        // meanwhile someone publishes through the API
        String note = " " + java.util.UUID.randomUUID();
        http.toBlocking().exchange(HttpRequest.POST("/api/rules/versions?comment=meanwhile", RuleZip.potentialThreshold70(note))
                .contentType("application/zip"));
        browser.go(draft);
        assertTrue(browser.text("#stale").contains("has changed since"), browser.text("#stale"));
        assertTrue(browser.text("#meanwhile").contains(TABLE) && browser.text("#meanwhile").contains("POT-HIGH"),
                browser.text("#meanwhile"));
        assertFalse(browser.find("#publish").isEnabled());
        browser.screenshot("rules-draft-stale");
        // a form posted anyway is refused by the service too
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('publish').disabled = false");
        String meanwhile = active.current().version();
        browser.find("#comment").sendKeys("stale");
        browser.find("#publish").click();
        browser.waitUntil(d -> !browser.all("#draft-message").isEmpty());
        assertTrue(browser.text("#draft-message").contains("changed since this draft was started"), browser.text("#draft-message"));
        assertEquals(meanwhile, active.current().version());
        browser.find("#rebase").click();
        browser.waitUntil(d -> browser.path().contains("done=rebased"));
        assertTrue(browser.all("#stale").isEmpty());
        assertTrue(browser.find("#publish").isEnabled());
    }

    @Test
    void aStaleDraftIsMergedRowByRowWithWhatWasPublishedMeanwhileAndItsConflictsAreShownBeforeAnythingMoves() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-merger", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Draft to merge");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        String base = new String(active.current().sources().stream().filter(f -> f.path().equals(TABLE)).findFirst().orElseThrow().content(),
                java.nio.charset.StandardCharsets.UTF_8);
        // the analyst raises the threshold to 65 (the row the publication below changes too) and rewords the unrated row (which it does not)
        String mine = base.replace("POT-HIGH,A potential rated 60 or more is high,60", "POT-HIGH,A potential rated 65 or more is high,65")
                .replace("and sales must rate it", "and sales must rate it within a month");
        drafts.saveFile(id, "rules-merger", TABLE, mine.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String note = " " + java.util.UUID.randomUUID();
        http.toBlocking().exchange(HttpRequest.POST("/api/rules/versions?comment=meanwhile", RuleZip.potentialThreshold70(note))
                .contentType("application/zip"));
        String meanwhile = active.current().version();

        browser.go(draft);
        browser.find("#rebase").click();
        browser.waitUntil(d -> !browser.all("#conflicts").isEmpty());
        assertTrue(browser.text("#draft-message").contains("changed the same rows differently"), browser.text("#draft-message"));
        List<WebElement> conflicts = browser.all("#conflicts tr.conflict");
        assertEquals(1, conflicts.size(), browser.text("#conflicts"));
        assertEquals(TABLE, conflicts.get(0).getAttribute("data-path"));
        assertTrue(conflicts.get(0).findElement(By.cssSelector("pre.mine")).getText().contains("rated 65 or more"), browser.text("#conflicts"));
        assertTrue(conflicts.get(0).findElement(By.cssSelector("pre.theirs")).getText().contains("rated 70 or more"), browser.text("#conflicts"));
        assertTrue(conflicts.get(0).findElement(By.cssSelector("pre.base")).getText().contains("rated 60 or more"), browser.text("#conflicts"));
        assertFalse(browser.text("#conflicts").contains("within a month"), "the row only the draft changed is no conflict");
        assertEquals(mine, draftFile(id), "a refused move changes nothing");
        browser.screenshot("rules-draft-conflicts");
        List<String> logged = browser.severeLogs();
        assertTrue(logged.stream().allMatch(line -> line.contains("/rebase") && line.contains("409")), "only the refusal's status: " + logged);

        browser.find("#rebase-keep-mine").click();
        browser.waitUntil(d -> browser.path().contains("done=rebasedMerged"));
        assertTrue(browser.all("#stale").isEmpty());
        assertTrue(browser.find("#publish").isEnabled());
        String merged = draftFile(id);
        assertTrue(merged.contains("POT-HIGH,A potential rated 65 or more is high,65"), "the conflict keeps the draft's row: " + merged);
        assertTrue(merged.contains("within a month"), "the draft's other row is kept: " + merged);
        assertTrue(merged.contains("Change the thresholds in the rows below." + note), "the row changed meanwhile is merged in: " + merged);
        assertEquals(meanwhile, db.text("SELECT base_version FROM console_draft WHERE id = " + id));
        assertTrue(browser.text("#draft-changes").contains("POT-HIGH") && browser.text("#draft-changes").contains("POT-UNRATED"),
                browser.text("#draft-changes"));
        assertFalse(browser.text("#draft-changes").contains(note), "against its new base the draft no longer changes the notes");
        assertNoErrors();
        browser.screenshot("rules-draft-merged");
    }

    @Test
    void aProblemInADrlFileOpensAtItsLineWithTheMessageBesideIt() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-drl", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Broken DRL");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        String drl = "assessment/assessment-score.drl";
        String text = new String(active.current().sources().stream().filter(f -> f.path().equals(drl)).findFirst().orElseThrow().content(),
                java.nio.charset.StandardCharsets.UTF_8);
        String broken = text.replace("WeightedRating(weight > 0)", "WeightedRating(wieght > 0)");
        int line = java.util.Arrays.asList(broken.split("\n")).indexOf(
                java.util.Arrays.stream(broken.split("\n")).filter(l -> l.contains("wieght")).findFirst().orElseThrow()) + 1;
        drafts.saveFile(id, "rules-drl", drl, broken.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        browser.go(draft);
        browser.find("#validate").click();
        browser.waitUntil(d -> browser.path().endsWith("/validation"));
        browser.await("#verdict", java.time.Duration.ofSeconds(90));
        WebElement problem = browser.all("#problems-cells li").stream().filter(li -> li.getText().contains(drl)).findFirst()
                .orElseThrow(() -> new AssertionError(browser.text("main")));
        WebElement link = problem.findElement(By.cssSelector("a.problem-link"));
        assertTrue(link.getAttribute("href").endsWith(drl + "#L" + line), link.getAttribute("href") + " for line " + line);
        link.click();
        browser.waitUntil(d -> browser.path().endsWith(drl));
        WebElement at = browser.find("#source tr#L" + line);
        assertTrue(at.getAttribute("class").contains("problem-line"), at.getAttribute("class"));
        assertTrue(at.getText().contains("wieght") && at.findElement(By.cssSelector(".line-problem")).getText().contains("wieght"),
                at.getText());
        assertEquals(1, browser.all("#source tr.problem-line").size(), "only the faulty line is marked");
        assertEquals("L" + line, ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return location.hash.substring(1)"));
        assertNoErrors();
        browser.screenshot("rules-drl-problem-at-line");
    }

    private String draftFile(long id) {
        return new String(drafts.find(id, "rules-merger").orElseThrow().files().get(TABLE), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anAdminListsTheVersionsAndRollsBackWithAComment() {
        String note = " " + java.util.UUID.randomUUID();
        // the version from the answer: the instance's poll may briefly see the previous one until the API's transaction commits
        String candidate = (String) api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/versions?comment=to%20roll%20back",
                RuleZip.potentialThreshold70(note)).contentType("application/zip"))).get("version");
        assertNotEquals(original, candidate);
        browser.driver().manage().deleteAllCookies();
        browser.signIn("test-token-with-every-role");
        browser.go("/console/rules/versions");
        List<WebElement> rows = browser.all("#versions tbody tr");
        assertTrue(rows.get(0).getText().contains(candidate.substring(0, 12)) && rows.get(0).getText().contains("to roll back")
                && rows.get(0).getText().contains("active"), rows.get(0).getText());
        browser.screenshot("rules-versions");
        browser.go("/console/rules/versions/" + original);
        browser.find("#activate-comment").sendKeys("back to the folder's version");
        browser.find("#activate-form button[type=submit]").click();
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(d -> browser.path().contains("done=activated"));
        assertFalse(browser.all("#version-active").isEmpty());
        assertEquals(original, active.current().version());
        assertNoErrors();
        browser.screenshot("rules-rolled-back");

        // an analyst sees no rollback button
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-reader", "ANALYST"));
        browser.go("/console/rules/versions/" + candidate);
        assertTrue(browser.all("#activate-form").isEmpty());
        assertTrue(browser.text("#version-changes").contains(TABLE));
        browser.screenshot("rules-version-diff");
    }

    private void openGrid(String draft, String path) {
        browser.go(draft + "/tables/" + path);
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
    }

    private void edit(int row, int col, String text) {
        WebElement cell = browser.find("#grid .tabulator-row[data-row='" + row + "'] .tabulator-cell[data-col='" + col + "']");
        cell.click();
        WebElement input = browser.find("#grid .tabulator-cell input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.ENTER);
        browser.waitUntil(d -> browser.all("#grid .tabulator-cell input").isEmpty());
    }

    private void setDate(String css, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.querySelector(arguments[0]).value = arguments[1]",
                css, isoDate);
    }

    private void save() {
        browser.find("#grid-save").click();
        browser.waitUntil(d -> browser.path().contains("saved=1"));
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
    }

    private Map<String, Object> decide(String clientId) {
        return api.post("/api/decisions", Map.of("clientId", clientId, "asOf", "2011-12-10"));
    }

    private static String cluster(Map<String, Object> decision) {
        return (String) ((Map<?, ?>) decision.get("outcome")).get("cluster");
    }

    private void assertNoErrors() {
        List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
    }
}
