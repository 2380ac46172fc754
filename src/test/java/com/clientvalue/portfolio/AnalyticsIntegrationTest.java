package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Customer pyramid and concentration on a small portfolio computed by hand. */
@MicronautTest(transactional = false)
class AnalyticsIntegrationTest extends HttpIntegrationTest {
    Api api;

    // revenue: A1 600, B2 300, C3 60, D4 40, E5 0, =F6 -10 (total positive 1000)
    // shares before: A1 0 (A), B2 0.6 (A), C3 0.9 (B), D4 0.96 (C), E5 and =F6 C
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country\nA1,a,IT\nB2,b,IT\nC3,c,IT\nD4,d,IT\nE5,e,IT\n=F6,f,IT\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                A1,O1,2011-06-01,600
                B2,O2,2011-06-01,100
                B2,O3,2011-07-01,100
                B2,O4,2011-08-01,100
                C3,O5,2011-06-01,60
                D4,O6,2011-06-01,40
                =F6,O7,2011-06-01,-10
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pyramidByRevenueGivesClassesSharesCutOffsAndTheRanking() {
        Map<String, Object> pyramid = api.get("/api/portfolio/abc?asOf=2011-12-10&by=REVENUE");

        assertEquals(6, pyramid.get("clients"));
        assertEquals(List.of(
                Map.of("abcClass", "A", "clients", 2, "clientShare", 0.333333, "value", 900, "valueShare", 0.9, "minValue", 300),
                Map.of("abcClass", "B", "clients", 1, "clientShare", 0.166667, "value", 60, "valueShare", 0.06, "minValue", 60),
                Map.of("abcClass", "C", "clients", 3, "clientShare", 0.5, "value", 30, "valueShare", 0.04, "minValue", -10)),
                pyramid.get("classes"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) pyramid.get("items");
        assertEquals(List.of("A1", "B2", "C3", "D4", "E5", "=F6"), items.stream().map(i -> i.get("clientId")).toList(),
                "E5 (0) before =F6 (-10): value descending first");
        assertEquals(0.96, items.get(3).get("shareBefore"));

        Map<String, Object> onlyC = api.get("/api/portfolio/abc?asOf=2011-12-10&abcClass=C&size=2&page=1");
        assertEquals(3, onlyC.get("totalItems"));
        assertEquals(List.of("=F6"), ((List<Map<String, Object>>) onlyC.get("items")).stream().map(i -> i.get("clientId")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void pyramidByOrdersCountsPositiveOrders() {
        // orders: B2 3, A1 1, C3 1, D4 1, =F6 0 (a credit note), E5 0; total 6; ties by client_id ('=' sorts before 'E')
        Map<String, Object> pyramid = api.get("/api/portfolio/abc?asOf=2011-12-10&by=ORDERS");

        List<Map<String, Object>> items = (List<Map<String, Object>>) pyramid.get("items");
        assertEquals(List.of("B2", "A1", "C3", "D4", "=F6", "E5"), items.stream().map(i -> i.get("clientId")).toList());
        // before: B2 0 A, A1 0.5 A, C3 0.666667 A, D4 0.833333 B
        assertEquals(List.of("A", "A", "A", "B", "C", "C"), items.stream().map(i -> i.get("abcClass")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void pyramidByCashCountsTheInvoicesPaidInTheWindow() {
        // D4 paid most: the cash ranking differs from the revenue one; C3's invoice is paid after asOf, A1's before the window
        api.importCsv("payments", """
                client_id,invoice_id,amount,due_on,paid_on
                D4,I1,700,2011-06-30,2011-07-10
                B2,I2,200,2011-07-30,2011-08-01
                C3,I3,100,2011-12-01,2011-12-20
                A1,I4,600,2010-06-30,2010-07-01
                """);

        Map<String, Object> pyramid = api.get("/api/portfolio/abc?asOf=2011-12-10&by=CASH");

        // cash: D4 700, B2 200, the others 0 (total 900); before: D4 0 (A), B2 0.777778 (A)
        List<Map<String, Object>> items = (List<Map<String, Object>>) pyramid.get("items");
        assertEquals(List.of("D4 700 A", "B2 200 A"), items.stream().limit(2)
                .map(i -> i.get("clientId") + " " + i.get("value") + " " + i.get("abcClass")).toList());
        assertEquals(900, pyramid.get("positiveTotal"));
        assertEquals("A", api.get("/api/clients/D4?asOf=2011-12-10").get("cashClass"));
        assertEquals(null, api.get("/api/clients/C3?asOf=2011-12-10").get("cashClass"), "paid after asOf");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pyramidByMarginUsesTheImportedLineMargins() {
        api.importCsv("orders", """
                client_id,order_id,order_date,amount,margin
                A1,O1,2011-06-01,600,60
                B2,O2,2011-06-01,100,50
                B2,O3,2011-07-01,100,20.5
                B2,O3,2011-07-01,0,29.5
                B2,O4,2011-08-01,100,50
                C3,O5,2011-06-01,60,30
                D4,O6,2011-06-01,40,
                """);
        assertEquals("50.0000", db.text("SELECT margin FROM customer_order WHERE order_id = 'O3'"));
        assertEquals(null, db.text("SELECT margin FROM customer_order WHERE order_id = 'O6'"));

        Map<String, Object> pyramid = api.get("/api/portfolio/abc?asOf=2011-12-10&by=MARGIN");

        // margins: B2 150, A1 60, C3 30, others 0 (total 240); before: B2 0, A1 0.625, C3 0.875
        List<Map<String, Object>> items = (List<Map<String, Object>>) pyramid.get("items");
        assertEquals(List.of("B2 150 A", "A1 60 A", "C3 30 B"), items.stream().limit(3)
                .map(i -> i.get("clientId") + " " + i.get("value") + " " + i.get("abcClass")).toList());
        assertEquals(240, pyramid.get("positiveTotal"));
        assertEquals(true, ((Map<String, Object>) pyramid.get("coverage")).get("usable"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void marginAnalysesOnOrdersWithoutMarginsSaySoInsteadOfRankingEveryoneC() {
        // the portfolio's orders were imported without a margin column
        Map<String, Object> pyramid = api.get("/api/portfolio/abc?asOf=2011-12-10&by=MARGIN");

        assertEquals(List.of(), pyramid.get("classes"), "no class at all rather than every client in C");
        assertEquals(List.of(), pyramid.get("items"));
        Map<String, Object> coverage = (Map<String, Object>) pyramid.get("coverage");
        assertEquals(false, coverage.get("usable"));
        assertEquals(7, coverage.get("ordersInWindow"));
        assertEquals(0, coverage.get("ordersWithValue"));
        assertTrue(((String) coverage.get("note")).startsWith("none of the 7 orders from 2010-12-11 to 2011-12-10 has a margin"),
                (String) coverage.get("note"));

        Map<String, Object> concentration = api.get("/api/portfolio/concentration?asOf=2011-12-10&by=MARGIN");
        assertEquals(null, concentration.get("gini"), "no Gini of 0 that reads as a perfectly even portfolio");
        assertEquals(List.of(), concentration.get("lorenz"));
        assertEquals(false, ((Map<String, Object>) concentration.get("coverage")).get("usable"));

        Map<String, Object> byRevenue = (Map<String, Object>) api.get("/api/portfolio/concentration?asOf=2011-12-10").get("coverage");
        assertEquals(Map.of("ordersInWindow", 7, "ordersWithValue", 7, "usable", true), withoutNull(byRevenue));
    }

    private static Map<String, Object> withoutNull(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        assertTrue(copy.containsKey("note") && copy.remove("note") == null, "a complete metric has a null note: " + map);
        return copy;
    }

    @Test
    void concentrationAndCsvExportsAreSafeForSpreadsheets() {
        Map<String, Object> concentration = api.get("/api/portfolio/concentration?asOf=2011-12-10");
        // sorted (negatives as 0): 0 0 40 60 300 600; Σ i·x = 3·40 + 4·60 + 5·300 + 6·600 = 5460; G = 10920/6000 − 7/6
        assertEquals(0.653333, concentration.get("gini"));

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/abc.csv?asOf=2011-12-10"));
        List<String> lines = csv.lines().toList();
        assertEquals("rank,client_id,value,share_before,abc_class", lines.get(0));
        assertEquals("1,A1,600,0.000000,A", lines.get(1));
        assertTrue(lines.get(6).startsWith("6,'=F6,-10,"), lines.get(6));
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/concentration.csv?asOf=2011-12-10"))
                .startsWith("client_share,value_share"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void matricesCountClientsAndRevenuePerCellWithNoneForMissingValues() {
        api.importCsv("clients", "client_id,name,country,potential\nA1,a,IT,90\nB2,b,IT,20\n");
        api.importCsv("surveys", """
                client_id,survey_date,expectation,experience
                A1,2011-11-01,4,5
                C3,2011-10-01,3,2
                C3,2011-11-15,5,1
                """);
        Map<String, Object> rating = Map.of("risk", 4, "opportunity", 2);
        api.post("/api/clients/A1/assessments", Map.of("assessedOn", "2011-12-01", "assessors", List.of("Anna"),
                "competition", rating, "serviceLevel", rating, "knowledge", rating, "product", rating, "people", rating));

        Map<String, Object> matrices = api.get("/api/portfolio/matrices?asOf=2011-12-10");

        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        ((List<Map<String, Object>>) matrices.get("matrices")).forEach(m -> byName.put((String) m.get("name"), m));
        // potential: A1 90 high, B2 20 low, the others unrated count as low; revenue: A1 and B2 class A (high), the rest low
        Map<String, Object> clusters = byName.get("potential-revenue");
        assertEquals(List.of("HIGH", "LOW", "NONE"), clusters.get("rowValues"));
        assertEquals(List.of(1, 600), cell(clusters, "HIGH", "HIGH"));
        assertEquals(List.of(1, 300), cell(clusters, "LOW", "HIGH"));
        assertEquals(List.of(4, 90), cell(clusters, "LOW", "LOW"), "60 + 40 + 0 - 10");
        assertEquals(List.of(0, 0), cell(clusters, "HIGH", "LOW"));
        assertEquals(36, ((List<?>) byName.get("expectation-experience").get("cells")).size(), "scores 1-5 and NONE, both ways");
        Map<String, Object> surveys = byName.get("expectation-experience");
        assertEquals(List.of(1, 600), cell(surveys, "4", "5"));
        assertEquals(List.of(1, 60), cell(surveys, "5", "1"), "only C3's latest survey counts");
        assertEquals(List.of(0, 0), cell(surveys, "3", "2"));
        assertEquals(List.of(4, 330), cell(surveys, "NONE", "NONE"));
        Map<String, Object> assessments = byName.get("risk-opportunity");
        assertEquals(List.of(1, 600), cell(assessments, "HIGH", "LOW"), "risk 4.00 is high, opportunity 2.00 low");
        assertEquals(List.of(5, 390), cell(assessments, "NONE", "NONE"), "300 + 60 + 40 + 0 - 10");

        String csv = api.getRaw("/api/portfolio/matrices.csv?asOf=2011-12-10");
        assertTrue(csv.startsWith("matrix,rows,row,columns,column,clients,revenue12m,margin12m\r\n"), csv);
        assertTrue(csv.contains("risk-opportunity,riskBand,HIGH,opportunityBand,LOW,1,600.00,0.00\r\n"), csv);
        Map<String, Object> margins = byName.get("margin-revenue");
        assertEquals(List.of("A", "B", "C", "NONE"), margins.get("rowValues"));
        assertEquals(List.of("A", "B", "C"), margins.get("columnValues"), "every client has a revenue class");
        assertEquals(List.of(2, 900), cell(margins, "NONE", "A"), "no margin imported: every client in NONE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMarginRevenueMatrixShowsHighRevenueOnAThinMargin() {
        api.importCsv("clients", "client_id,name,country,potential\nT1,Thin,Italy,50\nR1,Rich,Italy,50\nS1,Small,Italy,50\n");
        // revenue: T1 9000 (A), R1 800 (B: 90% before), S1 200 (C); margin: R1 400 (A), T1 90 (B: 80.9% before), S1 5 (C)
        api.importCsv("orders", "client_id,order_id,order_date,amount,margin\nT1,M1,2011-10-01,9000,90\nR1,M2,2011-10-01,800,400\n"
                + "S1,M3,2011-10-01,200,5\n");
        Map<String, Object> margins = ((List<Map<String, Object>>) api.get("/api/portfolio/matrices?asOf=2011-12-10").get("matrices"))
                .stream().filter(m -> m.get("name").equals("margin-revenue")).findFirst().orElseThrow();
        assertEquals(List.of(1, 9000), cell(margins, "B", "A"), "T1: revenue class A, margin class B");
        assertEquals(List.of(1, 800), cell(margins, "A", "B"));
        assertEquals(List.of(1, 200), cell(margins, "C", "C"));
        Map<String, Object> thin = ((List<Map<String, Object>>) margins.get("cells")).stream()
                .filter(c -> c.get("row").equals("B") && c.get("column").equals("A")).findFirst().orElseThrow();
        assertEquals(90.0, ((Number) thin.get("margin12m")).doubleValue());
        Map<String, Object> list = api.get("/api/portfolio/clients?asOf=2011-12-10&marginClass=B&abcClass=A");
        assertEquals(List.of("T1"), ((List<Map<String, Object>>) list.get("items")).stream().map(c -> c.get("clientId")).toList(),
                "the cell's clients");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> cell(Map<String, Object> matrix, String row, String column) {
        return ((List<Map<String, Object>>) matrix.get("cells")).stream()
                .filter(c -> c.get("row").equals(row) && c.get("column").equals(column))
                .map(c -> List.of(((Number) c.get("clients")).intValue(), ((Number) c.get("revenue12m")).intValue()))
                .findFirst().orElseThrow();
    }
}
