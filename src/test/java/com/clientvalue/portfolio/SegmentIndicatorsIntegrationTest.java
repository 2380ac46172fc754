package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Retention, CLV and relationship indicators per cluster on a portfolio computed by hand. */
@MicronautTest(transactional = false)
class SegmentIndicatorsIntegrationTest extends HttpIntegrationTest {
    Api api;

    // as of 2011-12-10 the window is 2010-12-11 .. 2011-12-10, the previous year 2009-12-11 .. 2010-12-10.
    // now, ABC over 1090: K1 1000 A (KEY, potential 90); M1 50 B, M3 40 C, M2 0 C: MARGINAL (potential 10); K2 0 C: DEVELOP.
    // a year earlier, ABC over 5200: K2 4000 A, K1 1000 A (KEY then), M1 100 C, M2 100 C (MARGINAL then).
    // retention cohorts: KEY then {K1 bought again, K2 did not} = 0.5; MARGINAL then {M1 again, M2 not} = 0.5.
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,k,IT,90\nK2,l,IT,90\nM1,a,IT,10\nM2,b,IT,10\nM3,c,IT,10\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount,margin
                K1,O0,2010-06-01,1000,
                K1,O1,2011-05-01,1000,
                K2,O7,2010-04-01,4000,
                M1,O2,2010-06-01,100,
                M1,O3,2011-06-01,30,12
                M1,O4,2011-07-01,20,
                M2,O5,2010-05-01,100,
                M3,O6,2011-03-01,40,
                """);
        api.importCsv("surveys", "client_id,survey_date,expectation,experience\nM1,2011-11-01,3,4\nM3,2011-11-01,3,2\n");
        api.importCsv("complaints", "client_id,complaint_date,category\nM1,2011-11-02,DELIVERY\nM1,2011-11-03,INVOICE\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void indicatorsPerClusterFollowTheirFormulas() {
        Map<String, Object> report = api.get("/api/portfolio/segments?asOf=2011-12-10");
        Map<String, Map<String, Object>> byCluster = new HashMap<>();
        ((List<Map<String, Object>>) report.get("segments")).forEach(s -> byCluster.put((String) s.get("cluster"), s));

        Map<String, Object> marginal = byCluster.get("MARGINAL");
        assertEquals(3, marginal.get("clients"));
        // M1 and M2 bought the year before; only M1 again
        assertEquals(0.5, marginal.get("retention"));
        // clv = margin12m × 0.5 / (1 + 0.10 − 0.5); margin12m: M1 12 (imported) + 20 × 0.30 = 18, M3 40 × 0.30 = 12, M2 0
        // M1 18 × 5/6 = 15.00, M3 12 × 5/6 = 10.00
        assertEquals(25.0, marginal.get("clvTotal"));
        assertEquals(8.33, marginal.get("clvPerClient"));
        assertEquals(3.0, marginal.get("satisfaction"));
        assertEquals(2, marginal.get("surveyed"));
        assertEquals(0.666667, marginal.get("complaintsPerClient"));
        // buyers this year: M1 (2 orders), M3 (1)
        assertEquals(0.5, marginal.get("repeatPurchaseRate"));

        List<String> csv = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/portfolio/segments.csv?asOf=2011-12-10"))
                .lines().toList();
        assertEquals("cluster,clients,revenue12m,retention,clv_total,clv_per_client,satisfaction,surveyed,complaints_per_client,"
                + "repeat_purchase_rate", csv.get(0));
        assertEquals("MARGINAL,3,90.00,0.500000,25.00,8.33,3.000000,2,0.666667,0.500000", csv.get(4));

        Map<String, Object> key = byCluster.get("KEY");
        // grouped by today's cluster, KEY would be K1 alone, who bought before and again: 1 by construction
        assertEquals(0.5, key.get("retention"), "KEY a year earlier: K1 bought again, K2 did not");
        // K1: margin12m 1000 × 0.30 = 300, clv 300 × 0.5 / 0.6 = 250
        assertEquals(250.0, ((Number) key.get("clvTotal")).doubleValue());
        assertEquals(null, key.get("satisfaction"));
        assertEquals(null, byCluster.get("DEVELOP").get("retention"), "no client was DEVELOP a year earlier");
    }

    @Test
    @SuppressWarnings("unchecked")
    void lifetimeValuePerClientIsListedHighestFirst() {
        Map<String, Object> page = api.get("/api/portfolio/clv?asOf=2011-12-10&cluster=MARGINAL&size=2");

        assertEquals(3, ((Number) page.get("totalItems")).intValue());
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        // M1: margin12m 12 + 20 × 0.30 = 18.00, clv 18 × 0.5 / 0.6 = 15.00; M3: 12.00 → 10.00 (M2 0 is on the next page)
        assertEquals(List.of("M1", "M3"), items.stream().map(i -> i.get("clientId")).toList());
        assertEquals(18.0, ((Number) items.get(0).get("margin12m")).doubleValue());
        assertEquals(15.0, ((Number) items.get(0).get("clv")).doubleValue());
        assertEquals(0.5, ((Number) items.get(1).get("retention")).doubleValue());

        List<String> csv = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/portfolio/clv.csv?asOf=2011-12-10"))
                .lines().toList();
        assertEquals(List.of("client_id,cluster,margin12m,retention,clv", "K1,KEY,300.00,0.500000,250.00",
                "M1,MARGINAL,18.00,0.500000,15.00", "M3,MARGINAL,12.00,0.500000,10.00", "K2,DEVELOP,0.00,,0.00",
                "M2,MARGINAL,0.00,0.500000,0.00"), csv);
    }
}
