package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Online Retail sample, imported through the API. Expected numbers were computed
 * independently of this code, by a stand-alone Python script with exact decimals over the same
 * CSV files (window, ranking and cut-offs as defined in the README), not by the service.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSampleIntegrationTest extends HttpIntegrationTest {
    Api api;

    @BeforeAll
    void importTheSample() throws IOException {
        db.clear();
        api = api();
        assertEquals(1803, number(api.importCsv("clients", resource("demo/online-retail/clients.csv")).get("rows")));
        api.importCsv("clients", resource("demo/illustrative-potential.csv"));
        Map<String, Object> orders = api.importCsv("orders", resource("demo/online-retail/orders.csv"));
        assertEquals(14354, number(orders.get("rows")));
        assertEquals(5759, number(orders.get("orders")));
    }

    @Test
    void abcClassesAsOfTheDayAfterTheLastInvoice() {
        Map<String, Object> summary = api.get("/api/portfolio/summary?asOf=2011-12-10");

        assertEquals(1803, number(summary.get("clients")));
        assertEquals(277549.10, summary.get("revenue12m"));
        assertEquals(List.of(
                Map.of("segment", "A", "clients", 505, "revenue12m", 222836.46),
                Map.of("segment", "B", "clients", 573, "revenue12m", 41720.90),
                Map.of("segment", "C", "clients", 725, "revenue12m", 12991.74)), summary.get("byAbcClass"));
        Map<?, ?> cutoffs = (Map<?, ?>) summary.get("abcCutoffs");
        assertEquals(Map.of("clientId", "16416", "revenue12m", 120.70), cutoffs.get("lastA"));
        assertEquals(Map.of("clientId", "15520", "revenue12m", 39.96), cutoffs.get("lastB"));
    }

    @Test
    void abcClassesAsOfMidYear() {
        Map<String, Object> summary = api.get("/api/portfolio/summary?asOf=2011-06-30");

        assertEquals(List.of(369, 375, 1059), ((List<?>) summary.get("byAbcClass")).stream()
                .map(s -> number(((Map<?, ?>) s).get("clients"))).toList());
        assertEquals(125149.23, summary.get("revenue12m"));
    }

    @Test
    void clustersWithTheIllustrativePotentialScores() {
        Map<String, Object> summary = api.get("/api/portfolio/summary?asOf=2011-12-10");

        assertEquals(List.of(197, 499, 308, 799), ((List<?>) summary.get("byCluster")).stream()
                .map(s -> number(((Map<?, ?>) s).get("clients"))).toList());
    }

    // lifecycle counts computed independently (stand-alone Python over the same CSV files)
    @Test
    void lifecycleCountsOnTheRealSample() {
        assertEquals(List.of(16, 449, 739, 214, 354, 31), counts(api.get("/api/portfolio/summary?asOf=2011-12-10"), "byLifecycle"));
        assertEquals(List.of(662, 341, 644, 66, 90, 0), counts(api.get("/api/portfolio/summary?asOf=2011-06-30"), "byLifecycle"));
    }

    @Test
    void orderRhythmAndMovingAwayOnSampleClients() {
        Map<String, Object> slowingDown = api.post("/api/decisions", Map.of("clientId", "12352", "asOf", "2011-12-10"));
        Map<?, ?> facts = (Map<?, ?>) slowingDown.get("facts");
        assertEquals(14.5, facts.get("medianOrderIntervalDays"));
        assertEquals(37, facts.get("daysSinceLastOrder"));
        assertEquals(2.55, facts.get("silenceRatio"));
        assertEquals("LOYAL", ((Map<?, ?>) slowingDown.get("outcome")).get("lifecycle"));
        assertTrue(actionCodes(slowingDown).contains("EARLY_WARNING_CONTACT"));

        Map<String, Object> regular = api.post("/api/decisions", Map.of("clientId", "12362", "asOf", "2011-12-10"));
        assertEquals(32, ((Map<?, ?>) regular.get("facts")).get("medianOrderIntervalDays"));
        assertFalse(actionCodes(regular).contains("EARLY_WARNING_CONTACT"));

        Map<String, Object> fewOrders = api.get("/api/clients/12364?asOf=2011-12-10");
        assertNull(fewOrders.get("medianOrderIntervalDays"));
        assertNull(fewOrders.get("silenceRatio"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> actionCodes(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
    }

    private static List<Integer> counts(Map<String, Object> summary, String segments) {
        return ((List<?>) summary.get(segments)).stream().map(s -> number(((Map<?, ?>) s).get("clients"))).toList();
    }

    // Gini, Lorenz and the pyramid by orders computed independently (stand-alone Python, exact fractions)
    @Test
    @SuppressWarnings("unchecked")
    void concentrationAndPyramidsOnTheRealSample() {
        Map<String, Object> concentration = api.get("/api/portfolio/concentration?asOf=2011-12-10");
        assertEquals(0.700146, concentration.get("gini"));
        List<Map<String, Object>> lorenz = (List<Map<String, Object>>) concentration.get("lorenz");
        assertEquals(List.of(0.0, 0.002887, 0.018909, 0.079757, 0.224351, 0.416106, 0.693593, 1.0),
                List.of(0, 10, 25, 50, 75, 90, 99, 100).stream().map(k -> ((Number) lorenz.get(k).get("valueShare")).doubleValue()).toList());

        Map<String, Object> byOrders = api.get("/api/portfolio/abc?asOf=2011-12-10&by=ORDERS&size=1");
        assertEquals(List.of(List.of(847, 4224, 2), List.of(645, 792, 1), List.of(311, 264, 0)),
                ((List<Map<String, Object>>) byOrders.get("classes")).stream()
                        .map(c -> List.of(c.get("clients"), c.get("value"), c.get("minValue"))).toList());

        Map<String, Object> byRevenue = api.get("/api/portfolio/abc?asOf=2011-12-10&size=1");
        assertEquals(List.of(505, 573, 725), ((List<Map<String, Object>>) byRevenue.get("classes")).stream().map(c -> c.get("clients")).toList());
        assertEquals(List.of(120.7, 39.96, -512.59), ((List<Map<String, Object>>) byRevenue.get("classes")).stream()
                .map(c -> ((Number) c.get("minValue")).doubleValue()).toList());
    }

    @Test
    void factsOfSampleClients() {
        Map<String, Object> top = api.get("/api/clients/14646?asOf=2011-12-10");
        assertEquals(16273.01, top.get("revenue12m"));
        assertEquals(44, top.get("orders12m"));
        assertEquals("2010-12-20", top.get("firstOrderDate"));
        assertEquals("2011-12-07", top.get("lastOrderDate"));
        assertEquals(3, top.get("daysSinceLastOrder"));
        assertEquals("A", top.get("abcClass"));

        Map<String, Object> creditOnly = api.get("/api/clients/14356?asOf=2011-12-10");
        assertEquals(-1.45, creditOnly.get("revenue12m"));
        assertEquals(0, creditOnly.get("orders12m"));
        assertNull(creditOnly.get("lastOrderDate"));
        assertEquals("C", creditOnly.get("abcClass"));

        Map<String, Object> lapsed = api.get("/api/clients/12386?asOf=2011-12-10");
        assertEquals(0.0, ((Number) lapsed.get("revenue12m")).doubleValue());
        assertEquals(367, lapsed.get("daysSinceLastOrder"));
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = RealSampleIntegrationTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
