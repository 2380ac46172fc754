package com.clientvalue.console.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestTokens;
import com.clientvalue.console.Browser;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Portfolio screen in a real browser, its figures checked against the API's on the same portfolio. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePortfolioBrowserTest extends HttpIntegrationTest {
    static final String AS_OF = "2011-12-10";
    @Inject
    EmbeddedServer server;
    Browser browser;
    Api api;

    // revenue: K1 1000, MA1 900, K2 800 (class A), D1 50, M1 40, L1 nothing in the last 12 months (class C)
    // potential: K1 90, K2 80, D1 75 high; MA1, M1, L1 low. Hence KEY K1 K2, MAINTAIN MA1, DEVELOP D1, MARGINAL M1 L1
    @BeforeAll
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential,loss_reason\nK1,Key One,IT,90,\nK2,Key Two,IT,80,\n"
                + "MA1,Maintain,IT,10,\nD1,Develop,IT,75,\nM1,Marginal,IT,10,\nL1,Lost One,IT,10,moved to a competitor\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount,margin,product_category
                K1,O1,2011-10-01,600,60,kitchenware
                K1,O2,2011-11-01,400,20,candles
                K2,O3,2011-09-01,800,320,kitchenware
                MA1,O4,2011-10-01,900,180,kitchenware
                D1,O5,2011-10-01,50,,candles
                M1,O6,2011-08-01,40,,
                L1,O7,2009-05-01,300,,
                """);
        api.importCsv("surveys", "client_id,survey_date,expectation,experience\nK1,2011-11-15,5,4\nMA1,2011-11-15,4,2\n");
        api.importCsv("needs", "client_id,need_id,stated_on,category,text,closed_on,outcome\nK1,N1,2011-11-30,PACKAGING,Humid storage,,\n"
                + "D1,N2,2011-12-01,PACKAGING,Smaller boxes,,\nM1,N3,2011-12-02,DELIVERY,Saturday,,\nK2,N4,2011-01-02,DELIVERY,Old,2011-02-01,MET\n");
        browser = Browser.open(server.getURI());
        browser.signIn(TestTokens.token(http.toBlocking(), "console-portfolio-analyst", "ANALYST"));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeatMapShowsTheApisFiguresAndFollowsTheAsOfDate() {
        browser.go("/console/portfolio?asOf=" + AS_OF);
        Map<String, Object> key = cell(api.get("/api/portfolio/matrices?asOf=" + AS_OF), "potential-revenue", "HIGH", "HIGH");
        WebElement cell = browser.find("#matrix-potential-revenue td[data-row=HIGH][data-column=HIGH]");
        assertEquals(2, key.get("clients"), "K1 and K2");
        assertEquals(String.valueOf(key.get("clients")), cell.findElement(org.openqa.selenium.By.cssSelector(".clients")).getText());
        assertEquals("1,800.00", cell.findElement(org.openqa.selenium.By.cssSelector(".revenue")).getText());
        assertEquals(1800.0, ((Number) key.get("revenue12m")).doubleValue());
        assertTrue(cell.getAttribute("class").contains("heat-5"), "the fullest cell has the strongest colour");
        WebElement survey = browser.find("#matrix-expectation-experience td[data-row='4'][data-column='2']");
        assertEquals(String.valueOf(cell(api.get("/api/portfolio/matrices?asOf=" + AS_OF), "expectation-experience", "4", "2")
                .get("clients")), survey.getAttribute("data-clients"));
        // margin x revenue: K1 is revenue class A on margin class B (80 of 580: 86% ranked before it), at 8%
        WebElement thin = browser.find("#matrix-margin-revenue td[data-row=B][data-column=A]");
        assertEquals("1", thin.getAttribute("data-clients"));
        assertEquals("margin 80.00", thin.findElement(org.openqa.selenium.By.cssSelector(".margin")).getText());
        assertEquals(String.valueOf(cell(api.get("/api/portfolio/matrices?asOf=" + AS_OF), "margin-revenue", "NONE", "C")
                .get("clients")), browser.find("#matrix-margin-revenue td[data-row=NONE][data-column=C]").getAttribute("data-clients"));
        // what clients ask for: PACKAGING by a key client and a client to develop, stated 10 days before
        WebElement packaging = browser.find("#needs-by-category tr[data-category=PACKAGING]");
        assertEquals("2", packaging.findElements(org.openqa.selenium.By.cssSelector("td.num")).get(0).getText());
        assertEquals("10 days", packaging.findElements(org.openqa.selenium.By.cssSelector("td.num")).get(2).getText());
        assertEquals("1", packaging.findElement(org.openqa.selenium.By.cssSelector("td[data-cluster=KEY]")).getText());
        assertEquals("1", packaging.findElement(org.openqa.selenium.By.cssSelector("td[data-cluster=DEVELOP]")).getText());
        assertEquals(2, browser.all("#needs-by-category tbody tr").size(), "K2's need was met in February");
        // what clients buy: both key clients buy kitchenware, the client to develop only candles: the cross-sell gap
        WebElement kitchenware = browser.find("#categories tr[data-category=KITCHENWARE]");
        assertEquals("100.0%", kitchenware.findElement(org.openqa.selenium.By.cssSelector("td[data-cluster=KEY]")).getText());
        assertEquals("0.0%", kitchenware.findElement(org.openqa.selenium.By.cssSelector("td[data-cluster=DEVELOP]")).getText());
        assertEquals(1, browser.all("#cross-sell-gap tbody tr").size(), "candles: the client to develop buys them");
        assertEquals("1", browser.find("#cross-sell-gap tr[data-category=KITCHENWARE] td:last-child").getText());
        // clients won per month: K1's and D1's first orders in October 2011 (MA1's too), K2's in September
        WebElement october = browser.find("#churn-by-month tr[data-month='2011-10'] td[data-figure=won]");
        assertEquals(String.valueOf(((Map<String, Object>) ((List<Map<String, Object>>) api.get("/api/portfolio/churn?from=2011-10&to=2011-10")
                .get("months")).get(0).get("won")).get("TOTAL")), october.getText());
        assertTrue(browser.text("#referrals-summary").startsWith("0 clients"), browser.text("#referrals-summary"));
        // lifecycle and losses came in beside the matrices
        browser.find("#losses");
        assertTrue(browser.text("#losses").contains("moved to a competitor"), browser.text("#losses"));
        assertEquals("2", browser.text("#by-cluster tr[data-segment=KEY] td.num a"));
        browser.find("#abc-classes");
        browser.find("svg.lorenz title");
        List<String> errors = browser.severeLogs();
        assertTrue(errors.isEmpty(), () -> "the page logged errors: " + errors);
        FullPage.screenshot(browser, "portfolio");

        // another date: through the date picker (a GET form), every part follows it
        WebElement date = browser.find("#asOf");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2012-09-15'", date);
        browser.find("#as-of-form button[type=submit]").click();
        browser.waitUntil(d -> browser.path().contains("asOf=2012-09-15"));
        Map<String, Object> later = cell(api.get("/api/portfolio/matrices?asOf=2012-09-15"), "potential-revenue", "HIGH", "HIGH");
        browser.waitUntil(d -> !browser.all("#matrix-potential-revenue").isEmpty());
        assertEquals(String.valueOf(later.get("clients")),
                browser.find("#matrix-potential-revenue td[data-row=HIGH][data-column=HIGH]").getAttribute("data-clients"));
        assertEquals("2012-09-15", browser.find("#asOf").getAttribute("value"));
        assertEquals(1, ((Number) later.get("clients")).intValue(), "K2's September 2011 order has left the 12 months: only K1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBudgetTypedInTheFormIsSplitAsTheApiSplitsIt() {
        browser.go("/console/portfolio?asOf=" + AS_OF);
        browser.find("#total").sendKeys("1050");
        browser.find("#budget form button[type=submit]").click();
        browser.find("#budget-table");
        List<Map<String, Object>> segments = (List<Map<String, Object>>) api.post("/api/portfolio/budget",
                Map.of("total", 1050, "asOf", AS_OF)).get("segments");
        for (Map<String, Object> segment : segments) {
            String row = "#budget-table tr[data-cluster=" + segment.get("cluster") + "]";
            assertEquals(String.format(java.util.Locale.UK, "%,.2f", ((Number) segment.get("budget")).doubleValue()),
                    browser.text(row + " td.budget"), row);
        }
        assertEquals(2, segments.get(0).get("clients"), "KEY: K1 and K2");
        Map<String, Object> allocation = api.post("/api/portfolio/budget", Map.of("total", 1050, "asOf", AS_OF));
        for (Map<String, Object> initiative : (List<Map<String, Object>>) allocation.get("initiatives")) {
            String row = "#budget-initiatives tr[data-initiative=" + initiative.get("initiative") + "]";
            assertEquals(String.format(java.util.Locale.UK, "%,.2f", ((Number) initiative.get("budget")).doubleValue()),
                    browser.text(row + " td.budget"), row);
        }
        assertTrue(browser.text("#new-clients-share").contains("of the budget goes to new clients"), browser.text("#new-clients-share"));
        FullPage.screenshot(browser, "portfolio-budget");

        browser.find("#total").clear();
        browser.find("#total").sendKeys("-5");
        // the browser's own check would stop the form: the server's answer is what is tested here
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('total').removeAttribute('min')");
        browser.find("#budget form button[type=submit]").click();
        browser.find("#budget-problem");
        assertTrue(browser.text("#budget-problem").contains("-5"));
    }

    @Test
    void thePyramidSwitchesMetricAndLeadsToTheClientsOfAClass() {
        browser.go("/console/portfolio?asOf=" + AS_OF);
        assertEquals("3", browser.text("#abc-classes tr[data-class=A] td.num a"));
        // by keyboard: the arrow moves the choice (from the first to the last, cash, round, then orders), the part reloads, the focus stays
        browser.find("#by-REVENUE").sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        browser.waitUntil(d -> settled(() -> browser.text("#abc-classes caption").contains("Cash collected")));
        browser.waitUntil(d -> "by-CASH".equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        browser.find("#by-CASH").sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        browser.waitUntil(d -> settled(() -> browser.text("#abc-classes caption").contains("Orders")));
        browser.waitUntil(d -> "by-ORDERS".equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        assertTrue(browser.find("svg.pyramid").getAttribute("role").equals("img"));
        assertTrue(browser.find("svg.pyramid title").getAttribute("textContent").contains("Orders"));
        FullPage.screenshot(browser, "portfolio-pyramid-orders");
        browser.find("#abc-classes tr[data-class=A] td.num a").click();
        browser.waitUntil(d -> browser.path().startsWith("/console/portfolio/abc"));
        assertTrue(browser.text("#class-clients").contains("K1"), browser.text("#class-clients"));
        FullPage.screenshot(browser, "portfolio-class");
        browser.find("#class-clients a[href^='/console/clients/K1']");
    }

    @Test
    void theConsolesCsvDownloadsAreTheApisFiles() throws Exception {
        browser.go("/console/portfolio?asOf=" + AS_OF);
        String session = browser.driver().manage().getCookieNamed("cv_session").getValue();
        for (String file : List.of("matrices.csv?asOf=" + AS_OF, "summary.csv?asOf=" + AS_OF, "abc.csv?asOf=" + AS_OF + "&by=ORDERS",
                "concentration.csv?asOf=" + AS_OF)) {
            HttpResponse<String> download = get("/console/portfolio/" + file, session);
            assertEquals(200, download.statusCode(), file);
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), file);
            assertEquals(http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/" + file)), download.body(), file);
        }
        assertEquals(http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/budget.csv?total=1050&asOf=" + AS_OF)),
                get("/console/portfolio/budget.csv?total=1050&asOf=" + AS_OF, session).body());
    }

    @Test
    void aCrmSeesThePortfolioButNotTheAnalystsBudget() throws Exception {
        try (Browser crm = Browser.open(server.getURI())) {
            crm.signIn(TestTokens.token(http.toBlocking(), "console-portfolio-crm", "CRM"));
            crm.go("/console/portfolio?asOf=" + AS_OF);
            crm.find("#matrix-potential-revenue");
            assertTrue(crm.all("#budget").isEmpty());
            assertTrue(crm.all("#actions").isEmpty());
            String session = crm.driver().manage().getCookieNamed("cv_session").getValue();
            assertEquals(403, get("/console/portfolio/budget.csv?total=1050&asOf=" + AS_OF, session).statusCode());
        }
    }

    @Test
    void thePortfolioSpeaksItalian() {
        try (Browser italian = Browser.open(server.getURI(), "it-IT")) {
            italian.signIn(TestTokens.token(http.toBlocking(), "console-portfolio-analyst", "ANALYST"));
            italian.go("/console/portfolio?asOf=" + AS_OF);
            assertEquals("Portafoglio", italian.text("h1"));
            italian.find("#matrix-potential-revenue");
            assertEquals("1.800,00", italian.text("#matrix-potential-revenue td[data-row=HIGH][data-column=HIGH] .revenue"));
            italian.find("#abc-classes");
            assertTrue(italian.text("#lifecycle").contains("Clienti per cluster"));
            FullPage.screenshot(italian, "portfolio-it");
        }
    }

    // an element read while htmx swaps it out is stale: read again
    private static boolean settled(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> matrices, String name, String row, String column) {
        return ((List<Map<String, Object>>) matrices.get("matrices")).stream().filter(m -> m.get("name").equals(name))
                .flatMap(m -> ((List<Map<String, Object>>) m.get("cells")).stream())
                .filter(c -> c.get("row").equals(row) && c.get("column").equals(column)).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Cookie", "cv_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
