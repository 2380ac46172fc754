package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Product categories from the order lines: the facts, the cross-sell rule, and the portfolio by
 * category. Two key clients buy kitchenware and candles; of the two clients to develop each buys one.
 */
@MicronautTest(transactional = false)
class ProductCategoriesIntegrationTest extends HttpIntegrationTest {
    Api api;

    // revenue: K1 6000, K2 4500, D2 15, D1 10 (total 10525): K1 and K2 class A, D1 and D2 class C; all potential 80
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,a,IT,80\nK2,b,IT,80\nD1,c,IT,80\nD2,d,IT,80\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount,product_category
                K1,O1,2011-06-01,5000,Kitchenware
                K1,O1,2011-06-01,1000,candles
                K2,O2,2011-07-01,4000,KITCHENWARE
                K2,O2,2011-07-01,500,Candles
                K2,O2,2011-07-01,-50,Candles
                D1,O3,2011-08-01,10,kitchenware
                D2,O4,2011-08-01,10,candles
                D2,O4,2011-08-01,5,
                """);
    }

    @Test
    void theCategoriesBoughtAreFacts() {
        Map<String, Object> k1 = api.get("/api/clients/K1?asOf=2011-12-10");
        assertEquals(List.of("CANDLES", "KITCHENWARE"), k1.get("productCategories12m"));
        assertEquals(2, k1.get("productCategoryCount12m"));
        assertEquals(List.of("KITCHENWARE"), api.get("/api/clients/D1?asOf=2011-12-10").get("productCategories12m"));
        assertEquals(List.of(), api.get("/api/clients/K1?asOf=2013-01-01").get("productCategories12m"), "out of the window");
        assertEquals(null, api.get("/api/clients/K1?asOf=2013-01-01").get("productCategoryCount12m"));
    }

    @Test
    void aClientToDevelopBuyingOneCategoryGetsTheCrossSellProposal() {
        assertTrue(actions("D1").contains("CROSS_SELL_PROPOSAL"), actions("D1").toString());
        assertFalse(actions("K1").contains("CROSS_SELL_PROPOSAL"), "two categories");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePortfolioByCategoryShowsTheCrossSellGap() {
        Map<String, Object> report = api.get("/api/portfolio/product-categories?asOf=2011-12-10");

        assertEquals(Map.of("KEY", 2, "DEVELOP", 2, "MAINTAIN", 0, "MARGINAL", 0), report.get("clientsByCluster"));
        List<Map<String, Object>> categories = (List<Map<String, Object>>) report.get("categories");
        // kitchenware 9010, candles 1510 (K2's credit line is no purchase): kitchenware is 85.6 % of 10520, candles B
        assertEquals(List.of("KITCHENWARE 9010 A 3", "CANDLES 1510 B 3"), categories.stream()
                .map(c -> c.get("category") + " " + c.get("revenue12m") + " " + c.get("abcClass") + " " + c.get("clients")).toList());
        assertEquals(5, report.get("uncategorisedRevenue12m"));
        Map<String, Map<String, Object>> kitchenware = (Map<String, Map<String, Object>>) categories.get(0).get("byCluster");
        assertEquals(List.of(2, 1.0), List.of(kitchenware.get("KEY").get("clients"), kitchenware.get("KEY").get("share")));
        assertEquals(List.of(1, 0.5), List.of(kitchenware.get("DEVELOP").get("clients"), kitchenware.get("DEVELOP").get("share")));
        assertEquals(null, kitchenware.get("MAINTAIN").get("share"), "no client to maintain");

        Map<String, List<String>> priority = (Map<String, List<String>>) report.get("priorityCategories");
        assertEquals(List.of("CANDLES", "KITCHENWARE"), priority.get("KEY"));
        assertEquals(List.of("CANDLES", "KITCHENWARE"), priority.get("DEVELOP"), "half of them buy each, the default minShare");
        List<Map<String, Object>> gap = (List<Map<String, Object>>) report.get("crossSellGap");
        assertEquals(List.of("CANDLES 1.0 0.5 1", "KITCHENWARE 1.0 0.5 1"), gap.stream()
                .map(g -> g.get("category") + " " + g.get("keyShare") + " " + g.get("developShare") + " " + g.get("developClientsNotBuying"))
                .toList());

        Map<String, List<String>> strict = (Map<String, List<String>>) api.get(
                "/api/portfolio/product-categories?asOf=2011-12-10&minShare=0.6").get("priorityCategories");
        assertEquals(List.of(), strict.get("DEVELOP"));
        assertEquals(400, api.problem(io.micronaut.http.HttpRequest.GET("/api/portfolio/product-categories?minShare=2")).status());
    }

    @Test
    void aCategoryThatMakesNoCodeRejectsTheImport() {
        Api.Problem refused = api.rejectedImport("orders",
                "client_id,order_id,order_date,amount,product_category\nK1,O9,2011-09-01,10,Candles/Lights\n");

        assertEquals("product_category", refused.body().get("column"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM customer_order WHERE order_id = 'O9'"));
    }

    @Test
    void reimportingAnOrderWithAnotherCategoryReplacesIt() {
        api.importCsv("orders", "client_id,order_id,order_date,amount,product_category\nD1,O3,2011-08-01,10,garden tools\n");

        assertEquals("GARDEN_TOOLS", db.text("SELECT product_category FROM order_line WHERE order_id = 'O3'"));
    }

    @SuppressWarnings("unchecked")
    private List<String> actions(String clientId) {
        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", clientId, "asOf", "2011-12-10"));
        return ((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
    }
}
