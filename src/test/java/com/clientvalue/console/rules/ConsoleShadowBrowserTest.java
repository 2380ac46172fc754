package com.clientvalue.console.rules;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.console.BrowserTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An analyst runs a draft in shadow from its page and watches the live decisions being compared. */
@MicronautTest(transactional = false)
class ConsoleShadowBrowserTest extends BrowserTest {
    @Inject
    Drafts drafts;
    @Inject
    com.clientvalue.rules.ActiveRuleBase active;

    @Test
    void aDraftRunsInShadowItsComparisonsAccumulateAndTheAnalystStopsIt() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nSH1,Shadowed,Italy,65\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nSH1,S1,2011-10-01,1000\n");
        browser.signIn(TestTokens.token(http.toBlocking(), "shadow-analyst", "ANALYST"));
        browser.go("/console/rules");
        browser.find("#draft-name").sendKeys("Shadowed draft");
        browser.find("#new-draft button[type=submit]").click();
        browser.waitUntil(d -> browser.path().matches("/console/rules/drafts/\\d+"));
        String draft = browser.path();
        // the draft words a rule otherwise: other rules, the same decisions (a draft equal to the active rules compares nothing)
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        String table = new String(active.current().sources().stream().filter(f -> f.path().equals("clusters/potential-level.csv"))
                .findFirst().orElseThrow().content(), java.nio.charset.StandardCharsets.UTF_8);
        drafts.saveFile(id, "shadow-analyst", "clusters/potential-level.csv", table.replace("A potential rated 60 or more is high",
                "A potential of 60 or more is high").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        browser.go(draft);

        browser.find("#shadow").click();
        browser.waitUntil(d -> browser.path().startsWith("/console/rules/shadow"));
        assertTrue(browser.text("#running-title").contains("is running"), browser.text("main"));
        assertEquals("0", browser.find("#shadow-counts").getAttribute("data-compared"));
        assertTrue(browser.find("a[href='" + draft + "']").isDisplayed(), "the page leads back to the draft");

        // a live decision: the shadow compares it after it is answered; the page refreshes itself
        api.post("/api/decisions", Map.of("clientId", "SH1", "asOf", "2011-12-10"));
        browser.waitUntil(d -> "1".equals(browser.find("#shadow-counts").getAttribute("data-compared")));
        assertEquals("0", browser.find("#shadow-counts").getAttribute("data-differing"), "the draft changes nothing yet");
        assertTrue(browser.severeLogs().isEmpty(), () -> "errors: " + browser.severeLogs());
        browser.screenshot("rules-shadow");

        browser.find("#shadow-stop").click();
        browser.waitUntil(d -> !browser.all("#shadow-none").isEmpty());
        assertTrue(browser.text("#shadow-runs").contains("dropped"), browser.text("#shadow-runs"));
        assertTrue(api.getRaw("/api/admin/events?limit=5").contains("SHADOW_STOPPED"));
    }
}
