package com.clientvalue.console.client;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestTokens;
import com.clientvalue.console.Browser;
import com.clientvalue.console.portfolio.FullPage;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Client screens in a real browser: finding a client, its facts and history, and Decide now under its roles. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleClientBrowserTest extends HttpIntegrationTest {
    @Inject
    EmbeddedServer server;
    Api api;

    // K1 a key client (potential 90, most of the revenue), decided once in June as a new client
    @BeforeAll
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,sector,potential\nK1,Key Uno,IT,Machinery,90\nM1,Marginale,IT,,10\n"
                + "K 2/x,Odd Id,IT,,90\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                K1,O1,2011-05-01,600
                K1,O2,2011-11-01,400
                M1,O3,2011-08-01,40
                K 2/x,O4,2011-10-01,10
                """);
        api.importCsv("surveys", "client_id,survey_date,expectation,experience,comment\nK1,2011-11-15,5,4,Deliveries are late\n"
                + "K1,2011-06-01,4,4,\n");
        api.importCsv("needs", "client_id,need_id,stated_on,category,text\nK1,N1,2011-12-01,PACKAGING,Humid storage\n");
        api.importCsv("referrals", "client_id,referred_by,referred_on\nM1,K1,2011-11-30\n");
        api.importCsv("payments", "client_id,invoice_id,amount,due_on,paid_on\nK1,I1,400,2011-11-20,\n");
        api.put("/api/clients/K1/team", Map.of("members", List.of(Map.of("role", "KEY_ACCOUNT", "name", "Anna Rossi"))));
        api.post("/api/clients/K1/assessments", assessment("2011-11-30"));
        api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-06-30"));
    }

    @Test
    void aCrmFindsAClientSeesItsFactsAndHistoryAndDecidesItIntoTheAudit() throws Exception {
        try (Browser crm = Browser.open(server.getURI())) {
            crm.signIn(TestTokens.token(http.toBlocking(), "console-client-crm", "CRM"));
            crm.go("/console/clients?q=key");
            assertTrue(crm.text("#clients caption").endsWith(": 1"), crm.text("#clients caption"));
            FullPage.screenshot(crm, "client-list");
            crm.find("#clients a[href='/console/clients/K1']").click();
            crm.waitUntil(d -> crm.path().startsWith("/console/clients/K1"));
            crm.go("/console/clients/K1?asOf=2011-12-10");
            assertEquals("1,000.00", crm.text("#fact-revenue"));
            assertTrue(crm.text("#facts").contains("Nov"), "the last order's date");
            assertEquals("1: PACKAGING; the oldest 9 days old", crm.text("#fact-needs"));
            assertEquals("Deliveries are late", crm.text("#surveys tr[data-survey='2011-11-15'] td.comment"));
            assertEquals("no decision since", crm.text("#surveys tr[data-survey='2011-11-15'] td.followed"));
            assertTrue(crm.text("#surveys tr[data-survey='2011-06-01'] td.followed").startsWith("decided as of Jun 30, 2011"),
                    crm.text("#surveys tr[data-survey='2011-06-01'] td.followed"));
            assertEquals("Brought us 1 client in 12 months, the latest 10 days ago.", crm.text("#fact-referrals"));
            assertEquals("400.00; at most 20 days late in 12 months", crm.text("#fact-payments"));
            assertEquals(1, crm.all("ol.timeline > li").size(), "the June decision");
            assertTrue(crm.text("#assessment-team").contains("key account: Anna Rossi"), crm.text("#assessment-team"));
            assertTrue(crm.text("#assessments").contains("Anna Rossi (key account), Marco Bianchi"), crm.text("#assessments"));
            assertTrue(crm.text("#assessments").contains("area manager, customer service"), "the roles nobody held");
            assertFalse(crm.all("#actions tbody tr").isEmpty());
            List<String> errors = crm.severeLogs();
            assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
            FullPage.screenshot(crm, "client");

            crm.find("#decide-now").click();
            crm.find("#decided");
            String decisionId = crm.find("dl.decision-summary").getAttribute("data-decision-id");
            assertTrue(crm.path().contains("decided=" + decisionId), crm.path());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> audited = (List<Map<String, Object>>) api.get("/api/audit/decisions?clientId=K1").get("items");
            assertEquals(decisionId, audited.get(0).get("decisionId"), "the console's decision is the newest in the audit");
            assertEquals("2011-12-10", audited.get(0).get("asOf"));
            assertEquals(2, audited.size());
            assertEquals(2, crm.all("ol.timeline > li").size());
            // June as a new client, December active: the timeline shows the change
            assertFalse(crm.all("ol.timeline > li.changed").isEmpty(), crm.text("#history"));
            // every proposed action names the rule row that proposed it: its file and row
            for (org.openqa.selenium.WebElement rule : crm.all("#actions td.rule")) {
                assertTrue(rule.getText().matches("(?s).*\\.(csv|xlsx|drl).*row \\d+.*"), rule.getText());
            }
            // why, in the analysts' sentences with the client's figures, cluster first
            assertTrue(crm.find("#why li").getAttribute("data-code").startsWith("CLU-"), crm.text("#why"));
            assertTrue(crm.text("#why li").contains("Potential 90"), crm.text("#why"));
            FullPage.screenshot(crm, "client-decided");

            // a form without the session's CSRF token decides nothing
            String session = crm.driver().manage().getCookieNamed("cv_session").getValue();
            assertEquals(403, post("/console/clients/K1/decisions", "asOf=2011-12-10&csrfToken=forged", session).statusCode());
            assertEquals(2, ((Number) api.get("/api/audit/decisions?clientId=K1").get("total")).intValue());

            // an id with a space and a slash has its own page
            crm.go("/console/clients?q=K%202");
            crm.find("#clients tbody a").click();
            crm.waitUntil(d -> crm.path().startsWith("/console/clients/K%202%2Fx"));
            assertTrue(crm.text("h1").contains("Odd Id"), crm.text("h1"));
        }
    }

    @Test
    void anAnalystSeesTheFactsButNoDecideButtonAndAForgedDecisionIsRefused() throws Exception {
        try (Browser analyst = Browser.open(server.getURI())) {
            analyst.signIn(TestTokens.token(http.toBlocking(), "console-client-analyst", "ANALYST"));
            analyst.go("/console/clients/K1?asOf=2011-12-10");
            assertEquals("1,000.00", analyst.text("#fact-revenue"));
            assertTrue(analyst.all("#decide-now").isEmpty());
            analyst.find("#decisions-hidden");
            FullPage.screenshot(analyst, "client-analyst");
            long before = ((Number) api.get("/api/audit/decisions?clientId=K1").get("total")).longValue();
            String session = analyst.driver().manage().getCookieNamed("cv_session").getValue();
            String csrf = analyst.find("form[action='/console/sign-out'] input[name=csrfToken]").getAttribute("value");
            // the session's own token, as the console's script sends it: refused for the role alone
            HttpResponse<String> refused = post("/console/clients/K1/decisions?csrfToken="
                    + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8), "asOf=2011-12-10&csrfToken=" + csrf, session);
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("needs one of the roles CRM"), refused.body());
            assertEquals(before, ((Number) api.get("/api/audit/decisions?clientId=K1").get("total")).longValue());
        }
    }

    @Test
    void anUnknownClientIsAPageNotAnError() throws Exception {
        try (Browser auditor = Browser.open(server.getURI())) {
            auditor.signIn(TestTokens.token(http.toBlocking(), "console-client-auditor", "AUDITOR"));
            auditor.go("/console/clients/NOPE");
            assertTrue(auditor.text("main .problem").contains("NOPE"));
            String session = auditor.driver().manage().getCookieNamed("cv_session").getValue();
            assertEquals(404, get("/console/clients/NOPE", session).statusCode());
        }
    }

    @Test
    void theClientPageSpeaksItalian() {
        try (Browser italian = Browser.open(server.getURI(), "it-IT")) {
            italian.signIn(TestTokens.token(http.toBlocking(), "console-client-crm", "CRM"));
            italian.go("/console/clients/K1?asOf=2011-12-10");
            assertEquals("1.000,00", italian.text("#fact-revenue"));
            assertEquals("Decidi ora", italian.text("#decide-now"));
            italian.go("/console/clients/M1?asOf=2011-12-10"); // K1's decisions are counted by the other test
            italian.find("#decide-now").click();
            italian.find("#decided");
            assertTrue(italian.text("#why li").contains("Potenziale 10"), "decided in the console's language: " + italian.text("#why"));
            String decisionId = italian.find("dl.decision-summary").getAttribute("data-decision-id");
            assertEquals("it", api.get("/api/audit/decisions/" + decisionId).get("language"));
            FullPage.screenshot(italian, "client-decided-it");
            assertTrue(italian.text("#history h2").contains("Storia"));
            FullPage.screenshot(italian, "client-it");
        }
    }

    private static Map<String, Object> assessment(String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", date);
        body.put("assessors", List.of("Anna Rossi", "Marco Bianchi"));
        for (String dimension : List.of("competition", "serviceLevel", "knowledge", "product", "people")) {
            body.put(dimension, Map.of("risk", 2, "opportunity", 4));
        }
        return body;
    }

    private HttpResponse<String> post(String path, String form, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Cookie", "cv_session=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Cookie", "cv_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
