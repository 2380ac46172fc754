package com.clientvalue.console.portfolio;

import com.clientvalue.TestTokens;
import com.clientvalue.console.BrowserTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the demo portfolio (Online Retail with its illustrative potential, a few surveys on top), in a
 * real browser: each kind of figure of the Portfolio screen leads to a list of exactly as many clients
 * as it shows, paged, each client leading to its page, with a CSV of the same clients; and the way
 * from the heat map to a client's page is walked with the keyboard only.
 */
@MicronautTest(transactional = false)
class PortfolioFiguresBrowserTest extends BrowserTest {
    static final String AS_OF = "2011-12-10";

    @BeforeAll
    void demoPortfolio() throws IOException {
        db.clear();
        var api = api();
        api.importCsv("clients", resource("demo/online-retail/clients.csv"));
        api.importCsv("clients", resource("demo/illustrative-potential.csv"));
        api.importCsv("orders", resource("demo/online-retail/orders.csv"));
        api.importCsv("surveys", "client_id,survey_date,expectation,experience\n12350,2011-11-01,5,2\n12352,2011-11-01,5,2\n");
        browser.signIn(TestTokens.token(http.toBlocking(), "console-figures-crm", "CRM"));
    }

    @Test
    void everyKindOfFigureLeadsToAsManyClientsAsItShows() throws Exception {
        List<String> figures = List.of(
                "#matrix-potential-revenue td[data-row=HIGH][data-column=HIGH] a",
                "#matrix-potential-revenue td[data-row=LOW][data-column=LOW] a",
                "#matrix-expectation-experience td[data-row='5'][data-column='2'] a",
                "#matrix-risk-opportunity td[data-row=NONE][data-column=NONE] a",
                "#by-cluster tr[data-segment=DEVELOP] a",
                "#by-lifecycle tr[data-segment=LOST] a",
                "#by-experience tr[data-segment=NONE] a",
                "#losses tr[data-reason=UNKNOWN] td.inactive a");
        int checked = 0;
        for (String css : figures) {
            browser.go("/console/portfolio?asOf=" + AS_OF);
            WebElement figure = browser.find(css);
            long shown = number(figure.findElements(By.cssSelector(".clients")).isEmpty() ? figure.getText()
                    : figure.findElement(By.cssSelector(".clients")).getText());
            assertTrue(figure.getAttribute("aria-label").startsWith(String.format(java.util.Locale.UK, "%,d clients: ", shown)),
                    css + ": " + figure.getAttribute("aria-label"));
            figure.click();
            browser.waitUntil(d -> browser.path().startsWith("/console/portfolio/clients?"));
            WebElement list = browser.find("#figure-clients");
            assertEquals(shown, Long.parseLong(list.getAttribute("data-total")), css);
            assertEquals(Math.min(50, shown), browser.all("#figure-clients tbody tr[data-client]").size(), css + ": page 1");
            assertEquals(shown, csvLines(browser.find("#figure-csv").getAttribute("href")), css + ": its CSV");
            assertTrue(browser.text("h1").startsWith("Clients: "), browser.text("h1"));
            if (checked++ == 0) {
                FullPage.screenshot(browser, "portfolio-figure-clients");
            }
        }

        // the pyramid's classes keep their ranked list, with a CSV of the class
        browser.go("/console/portfolio?asOf=" + AS_OF);
        WebElement classB = browser.find("#abc-classes tr[data-class=B] td.num a");
        long shown = number(classB.getText());
        classB.click();
        browser.waitUntil(d -> browser.path().startsWith("/console/portfolio/abc?"));
        assertEquals(Math.min(50, shown), browser.all("#class-clients tbody tr").size());
        assertEquals(shown, csvLines(browser.find("#class-csv").getAttribute("href")), "class B's CSV");
    }

    @Test
    void aListOfHundredsIsPagedInOneStableOrder() {
        browser.go("/console/portfolio?asOf=" + AS_OF);
        WebElement key = browser.find("#matrix-potential-revenue td[data-row=HIGH][data-column=HIGH] a");
        long shown = number(key.findElement(By.cssSelector(".clients")).getText());
        assertTrue(shown > 100, "the demo's key clients fill several pages: " + shown);
        key.click();
        List<String> seen = new ArrayList<>();
        while (true) {
            browser.find("#figure-clients");
            browser.all("#figure-clients tbody tr[data-client]").forEach(r -> seen.add(r.getAttribute("data-client")));
            List<WebElement> next = browser.all("nav.pager a[rel=next]");
            if (next.isEmpty()) {
                break;
            }
            String before = browser.path();
            next.get(0).click();
            browser.waitUntil(d -> !browser.path().equals(before));
        }
        assertEquals(shown, seen.size(), "every page walked");
        assertEquals(shown, new HashSet<>(seen).size(), "no client on two pages");
        FullPage.screenshot(browser, "portfolio-figure-clients-last-page");
    }

    @Test
    void fromTheHeatMapToAClientWithTheKeyboardOnly() {
        browser.go("/console/portfolio?asOf=" + AS_OF);
        browser.find("#matrix-potential-revenue td[data-row=HIGH][data-column=LOW] a");
        WebElement cell = tabTo(e -> e.getAttribute("href") != null && e.getAttribute("href").contains("potentialLevel=HIGH&revenueLevel=LOW"));
        browser.screenshot("portfolio-keyboard-cell");
        cell.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/console/portfolio/clients?"));
        String firstClient = browser.find("#figure-clients tbody tr[data-client]").getAttribute("data-client");
        WebElement client = tabTo(e -> e.getAttribute("href") != null && e.getAttribute("href").contains("/console/clients/" + firstClient));
        browser.screenshot("portfolio-keyboard-list");
        client.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/console/clients/" + firstClient));
        assertTrue(browser.text("h1").contains(firstClient), browser.text("h1"));
        assertTrue(browser.path().contains("asOf=" + AS_OF), "the client is shown as of the figure's date: " + browser.path());
        // and on the client's page the date form is reached and sent with the keyboard as well
        WebElement show = tabTo(e -> "submit".equals(e.getAttribute("type")) && e.findElements(By.xpath("ancestor::form[@method='get']")).size() == 1);
        show.sendKeys(Keys.ENTER);
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(show)::apply);
        assertTrue(browser.find("h1").getText().contains(firstClient));
    }

    // presses Tab from the top of the page until the focused element is the one wanted (at most 300 times)
    private WebElement tabTo(Predicate<WebElement> wanted) {
        browser.driver().switchTo().activeElement();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.activeElement && document.activeElement.blur()");
        for (int i = 0; i < 300; i++) {
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("not reached with Tab: " + browser.path());
    }

    private long csvLines(String href) throws IOException, InterruptedException {
        String session = browser.driver().manage().getCookieNamed("cv_session").getValue();
        HttpResponse<String> file = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                .header("Cookie", "cv_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode(), href);
        return file.body().lines().filter(l -> !l.isBlank()).count() - 1;
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", "").strip());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PortfolioFiguresBrowserTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
