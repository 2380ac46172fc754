package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/portfolio/clients on the demo portfolio (the Online Retail sample with its illustrative
 * potential, a few surveys on top): every figure of the matrices and of the summary lists exactly as
 * many clients as it counts, and their revenue adds up to the figure's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioClientsIntegrationTest extends HttpIntegrationTest {
    static final String AS_OF = "2011-12-10";
    Api api;

    @BeforeAll
    void importTheDemoPortfolio() throws IOException {
        db.clear();
        api = api();
        api.importCsv("clients", resource("demo/online-retail/clients.csv"));
        api.importCsv("clients", resource("demo/illustrative-potential.csv"));
        api.importCsv("orders", resource("demo/online-retail/orders.csv"));
        api.importCsv("surveys", """
                client_id,survey_date,expectation,experience
                12350,2011-11-01,5,2
                12352,2011-11-01,5,2
                12354,2011-10-01,4,5
                12356,2011-10-01,2,2
                12360,2010-01-01,3,3
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCellOfEveryMatrixListsTheClientsItCounts() {
        int checked = 0;
        for (Map<String, Object> matrix : (List<Map<String, Object>>) api.get("/api/portfolio/matrices?asOf=" + AS_OF).get("matrices")) {
            for (Map<String, Object> cell : (List<Map<String, Object>>) matrix.get("cells")) {
                String query = matrix.get("rows") + "=" + cell.get("row") + "&" + matrix.get("columns") + "=" + cell.get("column");
                long counted = ((Number) cell.get("clients")).longValue();
                assertEquals(counted, total(query), matrix.get("name") + " " + query);
                if (counted > 0) {
                    List<String[]> rows = csv(query);
                    assertEquals(counted, rows.size(), "CSV of " + query);
                    assertEquals(new BigDecimal(cell.get("revenue12m").toString()).setScale(2),
                            rows.stream().map(r -> new BigDecimal(r[6])).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2), query);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "non-empty cells checked: " + checked);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySegmentAndLossFigureOfTheSummaryListsTheClientsItCounts() {
        Map<String, Object> summary = api.get("/api/portfolio/summary?asOf=" + AS_OF);
        Map<String, String> dimensions = Map.of("byCluster", "cluster", "byAbcClass", "abcClass", "byLifecycle", "lifecycle",
                "byExperienceSegment", "experienceSegment");
        dimensions.forEach((figures, parameter) -> {
            for (Map<String, Object> f : (List<Map<String, Object>>) summary.get(figures)) {
                assertEquals(((Number) f.get("clients")).longValue(), total(parameter + "=" + f.get("segment")), figures + " " + f);
            }
        });
        List<Map<String, Object>> losses = (List<Map<String, Object>>) summary.get("lostOrInactiveByReason");
        assertTrue(!losses.isEmpty(), "the demo has lost and inactive clients");
        for (Map<String, Object> loss : losses) {
            String reason = "lossReason=" + URLEncoder.encode((String) loss.get("reason"), StandardCharsets.UTF_8);
            assertEquals(((Number) loss.get("lost")).longValue(), total(reason + "&lifecycle=LOST"), loss.toString());
            assertEquals(((Number) loss.get("inactive")).longValue(), total(reason + "&lifecycle=INACTIVE"), loss.toString());
        }
        assertEquals(1803, total(""), "no parameter: every client");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesFollowOneStableOrderHighestRevenueFirst() {
        Map<String, Object> first = api.get("/api/portfolio/clients?asOf=" + AS_OF + "&cluster=MARGINAL&size=50");
        Map<String, Object> second = api.get("/api/portfolio/clients?asOf=" + AS_OF + "&cluster=MARGINAL&size=50&page=1");
        assertEquals(799, ((Number) first.get("totalItems")).intValue(), "the demo's marginal clients");
        assertEquals(Map.of("cluster", "MARGINAL"), first.get("selection"));
        List<Map<String, Object>> items = new ArrayList<>((List<Map<String, Object>>) first.get("items"));
        items.addAll((List<Map<String, Object>>) second.get("items"));
        assertEquals(100, items.size());
        assertEquals(100, new HashSet<>(items.stream().map(i -> i.get("clientId")).toList()).size(), "no client on two pages");
        List<String[]> file = csv("cluster=MARGINAL");
        assertEquals(file.subList(0, 100).stream().map(r -> r[0]).toList(), items.stream().map(i -> i.get("clientId")).toList(),
                "the pages are the CSV's first lines, in its order");
        for (int i = 1; i < file.size(); i++) {
            BigDecimal before = new BigDecimal(file.get(i - 1)[6]);
            BigDecimal now = new BigDecimal(file.get(i)[6]);
            assertTrue(before.compareTo(now) > 0 || before.compareTo(now) == 0 && file.get(i - 1)[0].compareTo(file.get(i)[0]) < 0,
                    "line " + i + ": revenue descending, ties by client id");
        }
        assertTrue(file.stream().allMatch(r -> r[3].equals("MARGINAL")));
    }

    @Test
    void aMisspelledFigureIsRefusedRatherThanListingEveryClient() {
        Api.Problem refused = api.problem(HttpRequest.GET("/api/portfolio/clients?asOf=" + AS_OF + "&clustr=KEY"));
        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains("clustr"), refused.detail());
    }

    @Test
    void crmMayListTheClientsBehindAFigureAnAuditorMayNot() {
        String crm = TestTokens.token(http.toBlocking(), "portfolio-clients-crm", "CRM");
        String auditor = TestTokens.token(http.toBlocking(), "portfolio-clients-auditor", "AUDITOR");
        assertEquals(200, api.answer(HttpRequest.GET("/api/portfolio/clients?asOf=" + AS_OF + "&cluster=KEY").bearerAuth(crm)).status());
        Api.Problem forbidden = api.problem(HttpRequest.GET("/api/portfolio/clients.csv?asOf=" + AS_OF).bearerAuth(auditor));
        assertEquals(403, forbidden.status());
    }

    private long total(String query) {
        return ((Number) api.get("/api/portfolio/clients?asOf=" + AS_OF + "&size=1" + (query.isEmpty() ? "" : "&" + query))
                .get("totalItems")).longValue();
    }

    // the demo's names and countries hold no comma or quote
    private List<String[]> csv(String query) {
        String body = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/clients.csv?asOf=" + AS_OF + "&" + query));
        List<String> lines = Arrays.stream(body.split("\r?\n")).filter(l -> !l.isBlank()).toList();
        assertEquals("client_id,name,country,cluster,lifecycle,abc_class,revenue12m", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PortfolioClientsIntegrationTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
