package com.clientvalue.console.rules;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.console.Browser;
import com.clientvalue.console.BrowserTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long work on a draft in a real browser: started, followed while it runs (htmx polling), left,
 * and found again later, in another session, as MariaDB kept it; work of another instance shown as
 * it goes, and as interrupted once that instance stops.
 */
@MicronautTest(transactional = false)
class ConsoleDraftRunsBrowserTest extends BrowserTest {
    static final String TABLE = "clusters/potential-level.csv";
    static final Duration LONG = Duration.ofSeconds(90);
    @Inject
    Drafts drafts;
    @Inject
    DraftCandidates candidates;
    @Inject
    com.clientvalue.rules.RulePublisher publisher;

    // revenue 1000, 1000, 10, 10: P65A and P90A are class A, P10C and P65C class C; a threshold of 70 moves the two rated 65
    @BeforeEach
    void portfolio() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nP65A,a,Italy,65\nP90A,b,Italy,90\nP10C,c,Italy,10\nP65C,d,Italy,65\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                P65A,O1,2011-10-01,1000
                P90A,O2,2011-10-01,1000
                P10C,O3,2011-10-01,10
                P65C,O4,2011-10-01,10
                """);
    }

    @Test
    void anAnalystStartsAnImpactPreviewLeavesAndComesBackToItsStoredResult() {
        String token = TestTokens.token(http.toBlocking(), "runs-impact", "ANALYST");
        browser.driver().manage().deleteAllCookies();
        browser.signIn(token);
        long id = newDraft("Threshold 70, impact");
        threshold70(id, "runs-impact");
        String draft = "/console/rules/drafts/" + id;

        browser.go(draft + "/impact");
        assertTrue(browser.text("#run-none").contains("No impact preview"));
        setDate("#asOf", "2011-12-10");
        browser.find("#impact-start").click();
        browser.waitUntil(d -> browser.path().equals(draft + "/impact"));
        java.util.Map<String, String> run = browser.attributes("#impact-run", "data-status", "hx-trigger");
        if ("RUNNING".equals(run.get("data-status"))) {
            assertEquals("every 1s", run.get("hx-trigger"), "a running preview refreshes itself");
        }
        assertTrue(browser.await("#impact-summary", LONG).getText().startsWith("2 of 4 clients would change as of"),
                browser.text("#impact-run"));
        assertEquals("DONE", browser.attribute("#impact-run", "data-status"));
        assertEquals(null, browser.attribute("#impact-run", "hx-trigger"), "a finished preview stops polling");
        assertTrue(browser.text("#cluster-matrix").contains("KEY MAINTAIN 1"), browser.text("#cluster-matrix"));
        assertTrue(browser.text("#entitlement-matrix").contains("GRANTED REFUSED 1"), browser.text("#entitlement-matrix"));
        assertTrue(browser.text("#entitlement-matrix").contains("REFUSED REFUSED 1"), browser.text("#entitlement-matrix"));
        assertTrue(!browser.all("#experience-matrix tbody tr").isEmpty());
        assertTrue(browser.text("#impact-sample").contains("GRANTED → REFUSED"), browser.text("#impact-sample"));
        assertTrue(browser.all("#run-stale").isEmpty());
        // why P65A changes: its explanation under both versions, what each says and the other does not marked
        browser.find("#impact-sample tr.why[data-client=P65A] summary").click();
        String active = browser.text("#impact-sample tr.why[data-client=P65A] ol.active li.differs");
        assertTrue(active.contains("Potential 65 (HIGH)") && active.contains("a key client"), active);
        assertTrue(browser.all("#impact-sample tr.why[data-client=P65A] ol.candidate li.differs").stream()
                .anyMatch(line -> line.getText().contains("Potential 65 (LOW)") && line.getText().contains("a client to maintain")),
                browser.text("#impact-sample tr.why[data-client=P65A] ol.candidate"));
        assertFalse(browser.text("#impact-sample").contains("null"), "an outcome the rules did not give reads NONE, as in the matrices");
        assertNoErrors();
        browser.screenshot("rules-impact");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('#impact-sample tr.why[data-client=P65A]').scrollIntoView()");
        browser.screenshot("rules-impact-why");

        // elsewhere, then back: the result is the stored one, nothing ran again
        browser.go("/console/portfolio");
        browser.go(draft);
        browser.find("#impact").click();
        assertTrue(browser.text("#impact-summary").startsWith("2 of 4 clients"), browser.text("#impact-run"));
        assertEquals("2011-12-10", browser.attribute("#asOf", "value"), "the date of the stored preview");
        assertEquals(1, db.count("SELECT COUNT(*) FROM console_draft_run WHERE kind = 'IMPACT' AND draft_id = " + id));

        // the draft changes: the result stays, said to be for an older state of the draft
        threshold(id, "runs-impact", "70", "75");
        browser.go(draft + "/impact");
        assertTrue(browser.text("#run-stale").contains("older state of the draft"), browser.text("#impact-run"));
        assertTrue(browser.text("#impact-summary").startsWith("2 of 4 clients"));
    }

    @Test
    void aValidationResultIsThereInAFreshSessionAndMarksTheCells() {
        String token = TestTokens.token(http.toBlocking(), "runs-validator", "ANALYST");
        browser.driver().manage().deleteAllCookies();
        browser.signIn(token);
        long id = newDraft("Threshold 70, validation");
        threshold70(id, "runs-validator");
        String draft = "/console/rules/drafts/" + id;
        browser.go(draft);
        browser.find("#validate").click();
        browser.waitUntil(d -> browser.path().equals(draft + "/validation"));
        if (!browser.all("#run-steps").isEmpty()) {
            browser.screenshot("rules-validation-steps");
        }
        assertTrue(browser.await("#verdict", LONG).getText().startsWith("Not valid"), browser.text("#validation-run"));
        assertTrue(browser.text("#check-scenarios").contains("tests/clusters.csv"), browser.text("#check-scenarios"));
        browser.signOut();

        try (Browser fresh = Browser.open(server.getURI())) {
            fresh.signIn(token);
            fresh.go(draft + "/validation");
            assertTrue(fresh.text("#verdict").startsWith("Not valid"), fresh.text("main"));
            assertTrue(fresh.text("#run-meta").contains("runs-validator"));
            assertTrue(fresh.all("#run-stale").isEmpty());
            fresh.screenshot("rules-validation-stored");
            // the grid marks the stored problems at their cells, in this session too
            fresh.go(draft + "/tables/tests/clusters.csv");
            fresh.waitUntil(d -> !fresh.all("#grid .tabulator-row").isEmpty());
            assertTrue(!fresh.all("#grid .tabulator-cell.cell-problem").isEmpty(), "problems marked at their cells");
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM console_draft_run WHERE kind = 'VALIDATION' AND draft_id = " + id));
    }

    @Test
    void workOfAnotherInstanceShowsItsProgressThenInterruptedWhenThatInstanceStops() {
        String token = TestTokens.token(http.toBlocking(), "runs-watcher", "ANALYST");
        browser.driver().manage().deleteAllCookies();
        browser.signIn(token);
        long id = newDraft("Watched elsewhere");
        List<String> steps = publisher.validationSteps();
        assertEquals(6, steps.size(), steps.toString());
        String state = DraftCandidates.state(candidates.sources(drafts.find(id, "runs-watcher").orElseThrow()));
        db.execute("INSERT INTO console_draft_run (draft_id, kind, draft_state, as_of, status, running_key, started_by, started_at, "
                + "instance, heartbeat_at, steps, steps_done, done, total) VALUES (" + id + ", 'IMPACT', '" + state + "', '2011-12-10', "
                + "'RUNNING', 'watched-" + id + "', 'runs-watcher', NOW(6), 'console-other', NOW(6), 'compile,evaluate', 1, 1200, 2500)");
        db.execute("INSERT INTO console_draft_run (draft_id, kind, draft_state, status, running_key, started_by, started_at, "
                + "instance, heartbeat_at, steps, steps_done) VALUES (" + id + ", 'VALIDATION', '" + state + "', 'RUNNING', "
                + "'watched-v-" + id + "', 'runs-watcher', NOW(6), 'console-other', NOW(6), '" + String.join(",", steps) + "', 2)");

        String draft = "/console/rules/drafts/" + id;
        browser.go(draft + "/impact");
        assertEquals("1,200 of 2,500 clients evaluated.", browser.text("#run-status"));
        assertEquals("1200", browser.attribute("#run-progress", "value"));
        assertEquals("every 1s", browser.attribute("#impact-run", "hx-trigger"));
        assertNoErrors();
        browser.screenshot("rules-impact-progress");
        // the other instance moves on: the page follows by itself
        db.execute("UPDATE console_draft_run SET done = 2000, heartbeat_at = NOW(6) WHERE running_key = 'watched-" + id + "'");
        browser.waitUntil(d -> browser.text("#run-status").startsWith("2,000 of 2,500"));

        browser.go(draft + "/validation");
        List<String> states = browser.all("#run-steps li").stream().map(li -> li.getAttribute("class")).toList();
        assertEquals(List.of("step done", "step done", "step current", "step pending", "step pending", "step pending"), states);
        assertTrue(browser.text("#run-steps").contains("Gaps and overlaps") && browser.text("#run-steps").contains("Test scenarios")
                && browser.text("#run-steps").contains("Policy invariants"), browser.text("#run-steps"));
        browser.screenshot("rules-validation-progress");

        // that instance stops: its heartbeat ages and the polling page says the run was interrupted
        db.execute("UPDATE console_draft_run SET heartbeat_at = NOW(6) - INTERVAL 1 MINUTE WHERE draft_id = " + id);
        browser.waitUntil(d -> !browser.all("#run-interrupted").isEmpty());
        assertEquals("INTERRUPTED", browser.attribute("#validation-run", "data-status"));
        assertTrue(browser.text("#run-steps").contains("not run"));
        browser.screenshot("rules-validation-interrupted");
        browser.go(draft + "/impact");
        assertTrue(browser.text("#run-interrupted").contains("stopped before it finished"));
        assertNoErrors();
    }

    @Test
    void theRunsSpeakItalian() {
        String token = TestTokens.token(http.toBlocking(), "runs-italian", "ANALYST");
        try (Browser italian = Browser.open(server.getURI(), "it-IT")) {
            italian.signIn(token);
            italian.go("/console/rules");
            italian.find("#new-draft button[type=submit]").click();
            italian.waitUntil(d -> italian.path().matches("/console/rules/drafts/\\d+"));
            String draft = italian.path();
            italian.go(draft + "/impact");
            assertTrue(italian.text("#run-none").contains("Ancora nessuna anteprima"), italian.text("main"));
            italian.go(draft + "/validation");
            assertTrue(italian.text("#run-none").contains("non è ancora stata convalidata"), italian.text("main"));
        }
    }

    private long newDraft(String name) {
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys(name);
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        return Long.parseLong(browser.path().substring(browser.path().lastIndexOf('/') + 1));
    }

    private void threshold70(long id, String owner) {
        threshold(id, owner, "60", "70");
    }

    private void threshold(long id, String owner, String from, String to) {
        Draft draft = drafts.find(id, owner).orElseThrow();
        String text = new String(candidates.file(draft, TABLE).orElseThrow().content(), StandardCharsets.UTF_8);
        String changed = text.replace("POT-HIGH,A potential rated " + from + " or more is high," + from,
                "POT-HIGH,A potential rated " + to + " or more is high," + to)
                .replace("POT-LOW,A potential rated below " + from + " is low,," + from, "POT-LOW,A potential rated below " + to + " is low,," + to);
        assertTrue(!changed.equals(text), "the thresholds are in the table");
        drafts.saveFile(id, owner, TABLE, changed.getBytes(StandardCharsets.UTF_8));
    }

    private void setDate(String css, String isoDate) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector(arguments[0]).value = arguments[1]", css, isoDate);
    }

    private void assertNoErrors() {
        List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
    }
}
