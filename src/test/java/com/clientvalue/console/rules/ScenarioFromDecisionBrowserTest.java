package com.clientvalue.console.rules;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.console.BrowserTest;
import com.clientvalue.governance.scenario.ScenarioFromDecision;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One click on an audited decision makes it a scenario in a new draft, and that draft validates. */
@MicronautTest(transactional = false)
class ScenarioFromDecisionBrowserTest extends BrowserTest {
    @Inject
    Drafts drafts;

    @Test
    void anAuditedDecisionBecomesAScenarioInANewDraftThatValidates() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nSC1,Scenario Co,Italy,75\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nSC1,O1,2011-10-01,5000\n");
        String decisionId = (String) api.post("/api/decisions", Map.of("clientId", "SC1", "asOf", "2011-12-10")).get("decisionId");

        browser.signIn(TestTokens.token(http.toBlocking(), "scenario-maker", "AUDITOR", "ANALYST"));
        browser.go("/console/audit/decisions/" + decisionId);
        assertTrue(browser.find("#scenario-download").getAttribute("href").endsWith("/scenario.csv"));
        browser.find("#scenario-draft").click();
        browser.waitUntil(d -> browser.path().contains("/tables/" + ScenarioFromDecision.FILE));
        long draft = Long.parseLong(browser.path().replaceAll(".*/drafts/(\\d+)/.*", "$1"));
        String file = new String(drafts.find(draft, "scenario-maker").orElseThrow().files().get(ScenarioFromDecision.FILE),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(file.startsWith(ScenarioFromDecision.headerLine()), file);
        assertTrue(file.contains("decision " + decisionId + " of SC1"), file);
        assertTrue(browser.text("#grid").contains("SC1"), "the new scenario shows in the grid");
        browser.screenshot("scenario-from-decision");

        // the draft, with the scenario, passes every check a publication runs
        browser.go("/console/rules/drafts/" + draft);
        browser.find("#validate").click();
        browser.waitUntil(d -> browser.path().endsWith("/validation"));
        assertTrue(browser.await("#verdict", java.time.Duration.ofSeconds(90)).getAttribute("class").contains("ok"), browser.text("main"));
        assertEquals(1, drafts.list("scenario-maker").size());
    }
}
