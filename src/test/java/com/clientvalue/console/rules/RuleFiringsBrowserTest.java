package com.clientvalue.console.rules;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.console.BrowserTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table of the active version shows how often each of its rules fired in audited decisions; a rule that never fired stands out. */
@MicronautTest(transactional = false)
class RuleFiringsBrowserTest extends BrowserTest {
    @Test
    void eachRuleRowShowsTheDecisionsItFiredIn() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nF1,High,Italy,65\nF2,High too,Italy,80\nF3,Low,Italy,20\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nF1,A1,2011-10-01,1000\nF2,A2,2011-10-01,1000\nF3,A3,2011-10-01,1000\n");
        for (String client : new String[]{"F1", "F2", "F3"}) {
            api.post("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10"));
        }
        browser.signIn(TestTokens.token(http.toBlocking(), "firings-auditor", "AUDITOR"));
        browser.go("/console/rules/tables/clusters/potential-level.csv");
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row[data-fired]").isEmpty());
        assertEquals("2", row("10").getAttribute("data-fired"), "POT-HIGH fired for F1 and F2");
        assertEquals("1", row("11").getAttribute("data-fired"), "POT-LOW fired for F3");
        WebElement unrated = row("12");
        assertEquals("0", unrated.getAttribute("data-fired"));
        assertTrue(unrated.getAttribute("class").contains("never-fired"), "a rule that never fired stands out");
        assertTrue(browser.severeLogs().isEmpty());
        browser.screenshot("rules-table-fired");

        browser.go("/console/rules/tables/clusters/potential-level.csv?days=30");
        browser.waitUntil(d -> !browser.all("#grid .tabulator-row[data-fired]").isEmpty());
        assertEquals("30", browser.find("#days").getAttribute("value"));
        assertEquals("2", row("10").getAttribute("data-fired"), "today's decisions are in the last 30 days too");
    }

    private WebElement row(String number) {
        return browser.find("#grid .tabulator-row[data-row='" + number + "']");
    }
}
