package com.clientvalue.client;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wish list: needs imported and posted by the CRM, open needs as facts as of a date, the rules that act on them, the portfolio's view. */
@MicronautTest(transactional = false)
class ClientNeedsIntegrationTest extends HttpIntegrationTest {
    Api api;

    // K1 potential 90 and all the revenue: KEY; D1 potential 80, little revenue: DEVELOP; M1 potential 10: MARGINAL
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key,Italy,90\nD1,Develop,Italy,80\nM1,Marginal,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O1,2011-10-01,10000\nD1,O2,2011-10-01,100\n"
                + "M1,O3,2011-10-01,50\n");
        api.importCsv("needs", """
                client_id,need_id,stated_on,category,text,closed_on,outcome
                K1,N1,2011-11-20,PACKAGING,"Pallets wrapped for humid storage, please",,
                K1,N2,2011-12-05,DELIVERY,Saturday deliveries,,
                K1,N3,2011-06-01,TRAINING,Training on the new catalogue,2011-07-01,MET
                D1,N4,2011-12-01,PACKAGING,Smaller boxes,,
                M1,N5,2011-10-01,DELIVERY,Faster delivery,2011-12-09,DROPPED
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openNeedsAreFactsOfTheDateTheyAreOpenOn() {
        Map<String, Object> k1 = api.get("/api/clients/K1?asOf=2011-12-10");
        assertEquals(2, k1.get("openNeeds"), "N1 and N2; N3 was met in July");
        assertEquals(20, k1.get("oldestOpenNeedDays"), "N1, stated 2011-11-20");
        assertEquals(List.of("DELIVERY", "PACKAGING"), k1.get("openNeedCategories"));
        Map<String, Object> before = api.get("/api/clients/K1?asOf=2011-11-19");
        assertEquals(0, before.get("openNeeds"));
        assertNull(before.get("oldestOpenNeedDays"));
        assertEquals(List.of(), before.get("openNeedCategories"));
        assertEquals(List.of("TRAINING"), api.get("/api/clients/K1?asOf=2011-06-30").get("openNeedCategories"), "open the day before it was met");
        assertEquals(0, api.get("/api/clients/K1?asOf=2011-07-01").get("openNeeds"), "closed on the day it was met");
        assertEquals(1, api.get("/api/clients/M1?asOf=2011-12-08").get("openNeeds"));
        assertEquals(0, api.get("/api/clients/M1?asOf=2011-12-09").get("openNeeds"), "dropped");

        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-12-10"));
        List<String> actions = ((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
        assertTrue(actions.contains("NEED_ESCALATION") && !actions.contains("NEED_FOLLOW_UP"),
                "a key client's need open for 20 days goes to management: " + actions);
        Map<String, Object> earlier = api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-11-30"));
        List<String> earlierActions = ((List<Map<String, Object>>) ((Map<?, ?>) earlier.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
        assertTrue(earlierActions.contains("NEED_FOLLOW_UP") && !earlierActions.contains("NEED_ESCALATION"),
                "10 days old on 2011-11-30: the referent's: " + earlierActions);
        Map<String, Object> facts = (Map<String, Object>) decision.get("facts");
        assertEquals(List.of("DELIVERY", "PACKAGING"), facts.get("openNeedCategories"), "the audited facts quote the needs");
    }

    @Test
    void theCrmPostsANeedAndClosesItWithTheSameId() {
        Map<String, Object> posted = api.post("/api/clients/M1/needs", Map.of("needId", "CRM-7", "statedOn", "2011-12-01",
                "category", "INVOICING", "text", "One invoice a month"));
        assertEquals("M1", posted.get("clientId"));
        assertEquals(1, api.get("/api/clients/M1?asOf=2011-12-10").get("openNeeds"));
        api.post("/api/clients/M1/needs", Map.of("needId", "CRM-7", "statedOn", "2011-12-01", "category", "INVOICING",
                "text", "One invoice a month", "closedOn", "2011-12-05", "outcome", "MET"));
        assertEquals(0, api.get("/api/clients/M1?asOf=2011-12-10").get("openNeeds"));
        assertEquals(2, api.get("/api/clients/M1?asOf=2011-12-04").get("openNeeds"), "the past keeps the needs it had: CRM-7 and N5");
        List<Map> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/clients/M1/needs"), io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(List.of("CRM-7", "N5"), listed.stream().map(n -> n.get("needId")).toList(), "newest stated first");
        assertEquals("MET", listed.get(0).get("outcome"));

        Api.Problem half = api.problem(HttpRequest.POST("/api/clients/M1/needs", Map.of("needId", "CRM-8", "statedOn", "2011-12-01",
                "category", "INVOICING", "text", "x", "closedOn", "2011-12-05")));
        assertEquals(400, half.status());
        assertEquals("closedOn", half.body().get("field"), half.detail());
        Api.Problem early = api.problem(HttpRequest.POST("/api/clients/M1/needs", Map.of("needId", "CRM-9", "statedOn", "2011-12-01",
                "category", "INVOICING", "text", "x", "closedOn", "2011-11-05", "outcome", "MET")));
        assertEquals(400, early.status());
        assertTrue(early.detail().contains("before it was stated"), early.detail());
        Api.Problem outcome = api.problem(HttpRequest.POST("/api/clients/M1/needs", Map.of("needId", "CRM-9", "statedOn", "2011-12-01",
                "category", "INVOICING", "text", "x", "closedOn", "2011-12-05", "outcome", "DONE")));
        assertEquals(400, outcome.status());
        assertTrue(outcome.detail().contains("outcome"), outcome.detail());
        assertEquals(404, api.problem(HttpRequest.POST("/api/clients/NOBODY/needs", Map.of("needId", "X", "statedOn", "2011-12-01",
                "category", "INVOICING", "text", "x"))).status());
    }

    @ParameterizedTest(name = "line {1}, column {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            K1,N9,2011-12-01,PACKAGING,x,2011-12-05,DONE | 3 | outcome | 'DONE' is not an outcome
            K1,N9,2011-12-01,PACKAGING,x,2011-12-05,    | 3 | outcome | a closed need has both closed_on and outcome
            K1,N9,2011-12-01,PACKAGING,x,2011-11-05,MET | 3 | closed_on | before it was stated
            K1,N9,2011-13-01,PACKAGING,x,,              | 3 | stated_on | is not a date
            NOBODY,N9,2011-12-01,PACKAGING,x,,          | 3 | client_id | NOBODY
            K1,N1,2011-12-01,PACKAGING,again,,          | 3 | null      | already on line 2
            """)
    void aBadLineIsNamedAndNothingOfTheFileIsWritten(String line, int number, String column, String message) {
        Api.Problem problem = api.rejectedImport("needs", "client_id,need_id,stated_on,category,text,closed_on,outcome\n"
                + "K1,N1,2011-12-01,NEW,a new need in the same file,,\n" + line + "\n");
        assertEquals(number, ((Number) problem.body().get("line")).intValue(), problem.detail());
        assertEquals(column.equals("null") ? null : column, problem.body().get("column"), problem.detail());
        assertTrue(problem.detail().contains(message), problem.detail());
        assertEquals(2, api.get("/api/clients/K1?asOf=2011-12-10").get("openNeeds"), "line 2 was not written either");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePortfolioListsTheOpenNeedsPerCategoryWithTheirClientsPerCluster() {
        Map<String, Object> report = api.get("/api/portfolio/needs?asOf=2011-12-08");
        assertEquals(4, ((Number) report.get("openNeeds")).intValue(), "N1, N2, N4 and M1's N5 (dropped on the 9th)");
        assertEquals(3, ((Number) report.get("clients")).intValue());
        List<Map<String, Object>> categories = (List<Map<String, Object>>) report.get("categories");
        assertEquals(List.of("DELIVERY", "PACKAGING"), categories.stream().map(c -> c.get("category")).toList(),
                "two needs each: by name");
        Map<String, Object> packaging = categories.get(1);
        assertEquals(2, ((Number) packaging.get("clients")).intValue());
        assertEquals(18, ((Number) packaging.get("oldestDays")).intValue(), "N1 of 2011-11-20");
        Map<String, Object> split = (Map<String, Object>) packaging.get("clientsByCluster");
        assertEquals(1, ((Number) split.get("KEY")).intValue());
        assertEquals(1, ((Number) split.get("DEVELOP")).intValue());
        assertEquals(0, ((Number) split.get("MARGINAL")).intValue());
        Map<String, Object> delivery = (Map<String, Object>) categories.get(0).get("clientsByCluster");
        assertEquals(1, ((Number) delivery.get("MARGINAL")).intValue());
        String csv = api.getRaw("/api/portfolio/needs.csv?asOf=2011-12-08");
        assertTrue(csv.startsWith("category,needs,clients,oldest_days,clients_key,clients_develop,clients_maintain,clients_marginal\r\n"), csv);
        assertTrue(csv.contains("PACKAGING,2,2,18,1,1,0,0\r\n"), csv);
    }
}
