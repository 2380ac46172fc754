package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Churn and reactivation per month, from a client's audited decisions through its lifecycle. */
@MicronautTest(transactional = false)
class ChurnIntegrationTest extends HttpIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aClientWonGoneInactiveLostAndReactivatedIsCountedInEachMonthWithTheClusterItHad() {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nC1,Churner,Italy,90\nS1,Steady,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nC1,O1,2011-01-10,1000\nS1,O2,2010-06-01,10\n"
                + "S1,O3,2011-05-01,10\nS1,O4,2011-09-01,10\nS1,O5,2012-01-05,10\n");
        // C1: NEW (2011-02-01), INACTIVE after 203 days of silence (2011-08-01), LOST after 370 (2012-01-15)
        for (String asOf : List.of("2011-02-01", "2011-08-01", "2012-01-15")) {
            api.post("/api/decisions", Map.of("clientId", "C1", "asOf", asOf));
            api.post("/api/decisions", Map.of("clientId", "S1", "asOf", asOf));
        }
        // ... and back: an order on 2012-02-01, decided on the 10th
        api.importCsv("orders", "client_id,order_id,order_date,amount\nC1,O6,2012-02-01,500\n");
        api.post("/api/decisions", Map.of("clientId", "C1", "asOf", "2012-02-10"));

        Map<String, Object> report = api.get("/api/portfolio/churn?from=2011-01&to=2012-02");
        List<Map<String, Object>> months = (List<Map<String, Object>>) report.get("months");
        assertEquals(14, months.size());
        Map<String, Map<String, Object>> byMonth = new java.util.HashMap<>();
        months.forEach(m -> byMonth.put((String) m.get("month"), m));
        assertEquals(1, count(byMonth.get("2011-01"), "won", "TOTAL"), "C1's first order; S1's was in 2010");
        assertEquals(1, count(byMonth.get("2011-08"), "inactive", "KEY"), "C1 was a key client when it went quiet");
        assertEquals(1, count(byMonth.get("2012-01"), "lost", "KEY"));
        assertEquals(1, count(byMonth.get("2012-02"), "reactivated", "DEVELOP"), "back from LOST, which the decision before rated DEVELOP");
        // S1 was inactive on 2011-02-01 (245 days after its 2010 order) and active again by 2011-08-01
        assertEquals(1, count(byMonth.get("2011-08"), "reactivated", "MARGINAL"));
        long all = months.stream().mapToLong(m -> count(m, "lost", "TOTAL") + count(m, "inactive", "TOTAL")
                + count(m, "reactivated", "TOTAL")).sum();
        assertEquals(4, all, "nothing else moved");

        Map<String, Object> defaults = api.get("/api/portfolio/churn");
        assertEquals(12, ((List<?>) defaults.get("months")).size(), "the 12 months up to this one");
        assertEquals(400, api.problem(HttpRequest.GET("/api/portfolio/churn?from=2012-05&to=2012-01")).status());
        Api.Problem month = api.problem(HttpRequest.GET("/api/portfolio/churn?from=2012-13"));
        assertEquals(400, month.status());
        assertTrue(month.detail().contains("from"), month.detail());
    }

    @SuppressWarnings("unchecked")
    private static long count(Map<String, Object> month, String figure, String cluster) {
        return ((Number) ((Map<String, Object>) month.get(figure)).get(cluster)).longValue();
    }
}
