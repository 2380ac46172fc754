package com.clientvalue.console.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestTokens;
import com.clientvalue.console.Browser;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portfolio's contacts due, in a real browser, against the API's due list on the same data. */
@MicronautTest(transactional = false)
class ConsoleDueContactsBrowserTest extends HttpIntegrationTest {
    @Inject
    EmbeddedServer server;

    @Test
    void aSalespersonSeesTheContactsDueForAnOwnerAndOpensTheClient() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK 1/a,Key Ltd,IT,80\nD1,Develop Srl,IT,80\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK 1/a,O1,2011-06-01,9000\nD1,O2,2011-06-01,10\n");
        String key = (String) api.post("/api/decisions", Map.of("clientId", "K 1/a", "asOf", "2011-06-30")).get("decisionId");
        api.post("/api/decisions", Map.of("clientId", "D1", "asOf", "2011-06-30"));
        // the key client's frequent contact was done on 1 July: due again on 15 July, 5 days late on the 20th
        http.toBlocking().exchange(HttpRequest.POST("/api/actions",
                Map.of("decisionId", key, "actionCode", "FREQUENT_CONTACT", "doneOn", "2011-07-01")));

        try (Browser crm = Browser.open(server.getURI())) {
            crm.signIn(TestTokens.token(http.toBlocking(), "console-due-crm", "CRM"));
            crm.go("/console/portfolio?asOf=2011-07-20");
            long total = ((Number) api.get("/api/actions/due?asOf=2011-07-20").get("total")).longValue();
            assertTrue(crm.text("#due-summary").startsWith(total + " scheduled contacts"), crm.text("#due-summary"));

            new Select(crm.find("#due-owner")).selectByVisibleText("Key account manager");
            crm.waitUntil(d -> crm.all("#due-contacts tbody tr").size() == 1);
            String row = crm.text("#due-contacts tr[data-action=FREQUENT_CONTACT]");
            assertTrue(row.contains("Key Ltd") && row.contains("Jul 1, 2011") && row.contains("Jul 15, 2011"), row);
            assertEquals("5", crm.text("#due-contacts tr[data-action=FREQUENT_CONTACT] td.num"));
            FullPage.screenshot(crm, "portfolio-due");

            crm.find("#due-contacts tr[data-action=FREQUENT_CONTACT] a").click();
            crm.waitUntil(d -> crm.path().startsWith("/console/clients/K%201%2Fa"));
            assertTrue(crm.text("h1").contains("Key Ltd"), crm.text("h1"));
        }
    }
}
