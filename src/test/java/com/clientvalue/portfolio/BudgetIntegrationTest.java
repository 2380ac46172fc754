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

@MicronautTest(transactional = false)
class BudgetIntegrationTest extends HttpIntegrationTest {
    Api api;

    // one client per cluster: K1 KEY, MA1 MAINTAIN (class A), D1 DEVELOP, M1 MARGINAL (class C)
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,a,IT,90\nMA1,b,IT,10\nD1,c,IT,75\nM1,d,IT,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O1,2011-10-01,1000\nMA1,O2,2011-10-01,900\n"
                + "D1,O3,2011-10-01,50\nM1,O4,2011-10-01,40\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void budgetIsSplitByTheWeightsOfTheRulesFolder() {
        // weights 5, 3, 2, 0.5 for one client each: 10.5 points; 1050 / 10.5 = 100 per point
        Map<String, Object> allocation = api.post("/api/portfolio/budget", Map.of("total", 1050, "asOf", "2011-12-10"));

        assertEquals(List.of(List.of("KEY", 1, 500), List.of("DEVELOP", 1, 300), List.of("MAINTAIN", 1, 200), List.of("MARGINAL", 1, 50)),
                ((List<Map<String, Object>>) allocation.get("segments")).stream()
                        .map(s -> List.of(s.get("cluster"), s.get("clients"), ((Number) s.get("budget")).intValue())).toList());
        assertEquals(BudgetAllocation.FORMULA + "; " + BudgetAllocation.INITIATIVE_FORMULA, allocation.get("formula"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachSegmentsBudgetGoesToTheInitiativesOfItsClientsLifecycleStates() {
        // D1 ordered first in January: ACTIVE (development); P1 never ordered: a PROSPECT (acquisition), MARGINAL;
        // the others' first orders are 70 days old: NEW (acquisition). Points 5 + 3 + 2 + 0.5 + 0.5 = 11: 100 each
        api.importCsv("clients", "client_id,name,country,potential\nP1,e,IT,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nD1,O5,2011-01-05,10\n");
        Map<String, Object> allocation = api.post("/api/portfolio/budget", Map.of("total", 1100, "asOf", "2011-12-10"));

        Map<String, List<Object>> initiatives = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) allocation.get("initiatives")).forEach(i -> initiatives.put((String) i.get("initiative"),
                List.of(((Number) i.get("clients")).intValue(), ((Number) i.get("budget")).doubleValue())));
        assertEquals(List.of(4, 800.0), initiatives.get("ACQUISITION"), "K1 500, MA1 200, M1 50, P1 50");
        assertEquals(List.of(1, 300.0), initiatives.get("DEVELOPMENT"));
        assertEquals(List.of(0, 0.0), initiatives.get("RETENTION"));
        assertEquals(List.of(0, 0.0), initiatives.get("RECOVERY"));
        assertEquals(0.727273, ((Number) allocation.get("newClientsShare")).doubleValue(), 1e-6, "800 of 1100 to new clients");
    }

    @Test
    void budgetAndSummaryExportAsCsv() {
        List<String> budget = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/budget.csv?total=1050&asOf=2011-12-10"))
                .lines().toList();
        assertEquals(List.of("cluster,clients,weight,share,budget,per_client", "KEY,1,5,0.476190,500.00,500.00",
                "DEVELOP,1,3,0.285714,300.00,300.00", "MAINTAIN,1,2,0.190476,200.00,200.00", "MARGINAL,1,0.5,0.047619,50.00,50.00"), budget);

        List<String> summary = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/summary.csv?asOf=2011-12-10")).lines().toList();
        assertEquals("dimension,segment,clients,revenue12m", summary.get(0));
        assertEquals("CLUSTER,KEY,1,1000.00", summary.get(1));
        assertEquals("ABC_CLASS,A,2,1900.00", summary.get(5));
    }

    @Test
    void negativeBudgetIsRefused() {
        assertEquals("total: must be greater than or equal to 0",
                api.problem(HttpRequest.POST("/api/portfolio/budget", Map.of("total", -5))).detail());
    }
}
