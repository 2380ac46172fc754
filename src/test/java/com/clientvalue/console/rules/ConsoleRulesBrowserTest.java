package com.clientvalue.console.rules;

import com.clientvalue.TestTokens;
import com.clientvalue.console.Browser;
import com.clientvalue.console.BrowserTest;
import com.clientvalue.rules.ActiveRuleBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rules screens in a real browser: the active version's tables, the grid, drafts kept per person. */
@MicronautTest(transactional = false)
class ConsoleRulesBrowserTest extends BrowserTest {
    @Inject
    ActiveRuleBase active;

    @Test
    void anAuditorReadsTheAreasAndATableWithItsTechnicalRowsFolded() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-auditor", "AUDITOR"));
        browser.go("/console/rules");
        assertTrue(browser.text("#active-version").contains(active.current().version().substring(0, 12)));
        assertTrue(browser.all("#new-draft").isEmpty(), "only analysts create drafts");
        List<String> areas = browser.all(".area h3").stream().map(WebElement::getText).toList();
        assertTrue(areas.containsAll(List.of("clusters", "lifecycle", "policies", "tests", "vocabulary")), areas.toString());
        assertNoErrors();
        browser.screenshot("rules-home-auditor");

        browser.find("a[href='/console/rules/tables/clusters/potential-level.csv']").click();
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        assertEquals(List.of("POT-HIGH", "POT-LOW", "POT-UNRATED"), firstCells());
        assertTrue(browser.all("#grid-save").isEmpty(), "read-only for a person who is not an analyst");
        assertTrue(browser.all("#grid .tabulator-row[data-kind=TECHNICAL]").isEmpty(), "technical rows folded away");
        assertNoErrors();
        browser.screenshot("rules-table-auditor");

        browser.find("#show-technical").click();
        browser.waitUntil(d -> browser.all("#grid .tabulator-row[data-kind=TECHNICAL]").size() == 8);
        assertTrue(firstCells().containsAll(List.of("RuleSet", "Import", "RuleTable Potential level", "CONDITION")) || firstCells()
                .contains("METADATA"), firstCells().toString());
        browser.screenshot("rules-table-technical");
        // a click on a cell edits nothing
        browser.find("#grid .tabulator-row[data-row='10'] .tabulator-cell[data-col='2']").click();
        assertTrue(browser.all("#grid input").isEmpty());
    }

    @Test
    void theRulesSpeakItalian() {
        String auditor = TestTokens.token(http.toBlocking(), "rules-auditor", "AUDITOR");
        try (Browser italian = Browser.open(server.getURI(), "it-IT")) {
            italian.signIn(auditor);
            italian.go("/console/rules");
            assertEquals("Regole", italian.text("h1"));
            assertTrue(italian.text("#active-version").startsWith("Versione attiva"));
            italian.go("/console/rules/tables/clusters/potential-level.csv");
            italian.waitUntil(d -> !italian.all("#grid .tabulator-row").isEmpty());
            assertTrue(italian.text("label.check").contains("Mostra le righe tecniche"));
            italian.go("/console/rules/versions");
            assertEquals("Versioni pubblicate", italian.text("h1"));
            italian.screenshot("rules-versions-it");
        }
    }

    @Test
    void aPersonWithTheCrmRoleOnlyIsRefusedTheRules() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-crm", "CRM"));
        assertTrue(browser.all("nav a[href='/console/rules']").isEmpty());
        browser.go("/console/rules");
        assertTrue(browser.text("h1").contains("Not allowed"), browser.text("body"));
        browser.go("/console/rules/tables/clusters/potential-level.csv");
        assertTrue(browser.text("h1").contains("Not allowed"));
        browser.screenshot("rules-crm-refused");
    }

    @Test
    void anAnalystEditsADraftWhichStaysTheirsAndIsNotLive() {
        String before = active.current().version();
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-drafter", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Lower potential threshold");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draftPath = browser.path();
        long id = Long.parseLong(draftPath.substring(draftPath.lastIndexOf('/') + 1));
        assertTrue(browser.text("h1").contains("Lower potential threshold"));
        browser.screenshot("rules-draft-new");

        browser.go(draftPath + "/tables/clusters/potential-level.csv");
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        edit(10, 1, "A potential rated 60 or more is high (edited)");
        assertTrue(browser.text("#grid-status").contains("Unsaved"));
        // a new row under POT-UNRATED, then deleted again; POT-LOW moved above POT-HIGH
        select(12);
        browser.find("#row-add").click();
        browser.waitUntil(d -> browser.all("#grid .tabulator-row.row-new").size() == 1);
        browser.find("#row-delete").click();
        browser.waitUntil(d -> browser.all("#grid .tabulator-row.row-new").isEmpty());
        select(11);
        browser.find("#row-up").click();
        assertEquals(List.of("POT-LOW", "POT-HIGH", "POT-UNRATED"), firstCells());
        browser.screenshot("rules-draft-editing");
        browser.find("#grid-save").click();
        browser.waitUntil(d -> browser.path().contains("saved=1"));
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        assertEquals(List.of("POT-LOW", "POT-HIGH", "POT-UNRATED"), firstCells(), "saved in MariaDB and read back");
        String stored = db.text("SELECT CONVERT(content USING utf8mb4) FROM console_draft_file WHERE draft_id = " + id);
        assertTrue(stored.contains("POT-HIGH,A potential rated 60 or more is high (edited),60,"), stored);
        assertTrue(stored.indexOf("POT-LOW") < stored.indexOf("POT-HIGH"));
        assertTrue(stored.startsWith("RuleSet,clusters\nImport,\"com.clientvalue.client.ClientFacts, com.clientvalue.decision.*\"\n"),
                "the technical rows are kept as they were");
        assertEquals(before, active.current().version(), "a draft is not live");
        assertNoErrors();
        browser.screenshot("rules-draft-saved");

        browser.go(draftPath);
        assertTrue(browser.text("#draft-changes").contains("(edited)"), browser.text("#draft-changes"));
        assertTrue(browser.text("#draft-changes").contains("order of its rows"));
        browser.screenshot("rules-draft-overview");

        // another analyst neither sees nor opens it
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-other", "ANALYST"));
        browser.go("/console/rules");
        assertFalse(browser.text("main").contains("Lower potential threshold"));
        browser.go(draftPath);
        assertTrue(browser.text("h1").contains("Not found"));
    }

    @Test
    void aTableGoesOutAsCsvAndComesBackIntoTheDraftAndTheGridSavesOnlyWithTheSessionsToken() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(TestTokens.token(http.toBlocking(), "rules-csv", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();
        String table = "clusters/potential-level.csv";
        browser.go(draft + "/tables/" + table);
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        String session = browser.driver().manage().getCookieNamed("cv_session").getValue();
        String csrf = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-TOKEN']");
        String openedOn = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return JSON.parse(document.getElementById('grid').getAttribute('data-grid')).revision");

        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> csv = client.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                .resolve(draft + "/csv/" + table)).header("Cookie", "cv_session=" + session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String original = java.nio.file.Files.readString(com.clientvalue.RealRulesFolder.PATH.resolve(table));
        assertEquals(original, csv.body());

        // edited in a spreadsheet and uploaded again
        java.nio.file.Path edited = java.nio.file.Files.createTempFile("potential-level", ".csv");
        java.nio.file.Files.writeString(edited, original.replace("null,LOW,ASSESS_POTENTIAL", "null,LOW,BUSINESS_ANALYSIS"));
        browser.find("#csv-file").sendKeys(edited.toString());
        browser.waitUntil(d -> browser.find("#csv-submit").isEnabled());
        browser.find("#csv-submit").click();
        browser.waitUntil(d -> browser.path().contains("upload=done"));
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        assertTrue(browser.text("#grid .tabulator-row[data-row='12']").contains("BUSINESS_ANALYSIS"));
        assertTrue(browser.text("#upload-status").contains("replaces this table"));
        browser.screenshot("rules-csv-uploaded");

        // the same table out as a spreadsheet, edited there and uploaded: the lines it did not change stay as they were
        java.net.http.HttpResponse<byte[]> xlsx = client.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                .resolve(draft + "/xlsx/" + table)).header("Cookie", "cv_session=" + session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        java.nio.file.Path sheet = java.nio.file.Files.createTempFile("potential-level", ".xlsx");
        try (org.apache.poi.ss.usermodel.Workbook workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(xlsx.body())); java.io.OutputStream out = java.nio.file.Files.newOutputStream(sheet)) {
            org.apache.poi.ss.usermodel.Sheet first = workbook.getSheetAt(0);
            assertEquals("60", first.getRow(9).getCell(2).getStringCellValue(), "cell C10 as the CSV holds it");
            assertEquals("BUSINESS_ANALYSIS", first.getRow(11).getCell(6).getStringCellValue());
            first.getRow(9).getCell(1).setCellValue("A potential rated 60 or more is high (from Excel)");
            workbook.write(out);
        }
        browser.go(draft + "/tables/" + table);
        browser.find("#csv-file").sendKeys(sheet.toString());
        browser.waitUntil(d -> browser.find("#csv-submit").isEnabled());
        browser.find("#csv-submit").click();
        browser.waitUntil(d -> browser.path().contains("upload=done"));
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row").isEmpty());
        assertTrue(browser.text("#grid .tabulator-row[data-row='10']").contains("(from Excel)"));
        String stored = db.text("SELECT CONVERT(content USING utf8mb4) FROM console_draft_file WHERE path = '" + table
                + "' AND draft_id = " + draft.substring(draft.lastIndexOf('/') + 1));
        assertEquals(original.replace("null,LOW,ASSESS_POTENTIAL", "null,LOW,BUSINESS_ANALYSIS")
                .replace("A potential rated 60 or more is high,", "A potential rated 60 or more is high (from Excel),"), stored,
                "only the edited line differs, even where the spreadsheet dropped trailing empty cells");

        browser.go(draft + "/tables/" + table);
        String revision = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return JSON.parse(document.getElementById('grid').getAttribute('data-grid')).revision");
        assertNotEquals(openedOn, revision, "the upload saved the draft");
        String lines = "{\"path\":\"" + table + "\",\"revision\":\"" + revision
                + "\",\"lines\":[{\"k\":\"TECHNICAL\",\"c\":[\"RuleSet\",\"other\"]}]}";
        assertEquals(403, postJson(client, draft + "/save", session, null, lines).statusCode(), "no CSRF header: refused");
        assertEquals(403, postJson(client, draft + "/save", session, "forged", lines).statusCode(), "another token: refused");
        java.net.http.HttpResponse<String> structural = postJson(client, draft + "/save", session, csrf, lines);
        assertEquals(409, structural.statusCode());
        assertTrue(structural.body().contains("read-only"), "technical rows are read-only: " + structural.body());
        java.net.http.HttpResponse<String> stale = postJson(client, draft + "/save", session, csrf, lines.replace(revision, openedOn));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("saved from another page"), "a page opened before the last save: " + stale.body());
        assertTrue(db.text("SELECT CONVERT(content USING utf8mb4) FROM console_draft_file WHERE path = '" + table + "' AND draft_id = "
                + draft.substring(draft.lastIndexOf('/') + 1)).contains("BUSINESS_ANALYSIS"), "the refused saves changed nothing");
    }

    private java.net.http.HttpResponse<String> postJson(java.net.http.HttpClient client, String path, String session, String csrf,
                                                        String body) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Cookie", "cv_session=" + session).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void edit(int row, int col, String text) {
        WebElement cell = browser.find("#grid .tabulator-row[data-row='" + row + "'] .tabulator-cell[data-col='" + col + "']");
        cell.click();
        WebElement input = browser.find("#grid .tabulator-cell input");
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text, org.openqa.selenium.Keys.ENTER);
        browser.waitUntil(d -> browser.all("#grid .tabulator-cell input").isEmpty());
    }

    private void select(int row) {
        browser.find("#grid .tabulator-row[data-row='" + row + "'] .tabulator-cell.row-number").click();
    }

    private List<String> firstCells() {
        return browser.all("#grid .tabulator-row").stream().filter(r -> "RULE".equals(r.getAttribute("data-kind"))
                || "TECHNICAL".equals(r.getAttribute("data-kind")))
                .map(r -> r.findElement(org.openqa.selenium.By.cssSelector(".tabulator-cell[data-col='0']")).getText()).toList();
    }

    private void assertNoErrors() {
        List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
    }
}
