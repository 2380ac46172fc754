package com.clientvalue.decision;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ServiceRequestIntegrationTest extends HttpIntegrationTest {
    Api api;

    // revenue 1000, 900, 50, 40 of 1990: K1 and MA1 are class A, D1 and M1 class C
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", """
                client_id,name,country,potential
                K1,Key,Italy,90
                MA1,Maintain,Italy,10
                D1,Develop,Italy,75
                M1,Marginal,Italy,10
                """);
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                K1,A1,2011-10-01,1000
                MA1,A2,2011-10-01,900
                D1,A3,2011-10-01,50
                M1,A4,2011-10-01,40
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void marginalClientIsRefusedAFreeServiceWithTheRuleThatSaysSo() {
        Map<String, Object> decision = request("M1", "TECHNICAL_SUPPORT", false, null, "2011-12-10");

        Map<String, Object> outcome = (Map<String, Object>) decision.get("outcome");
        assertEquals("MARGINAL", outcome.get("cluster"));
        assertEquals(Map.of("granted", false,
                "reasons", List.of("Marginal clients get no unpaid service: standard procedure, no exceptions"),
                "ruleIds", List.of("SRV-MARGINAL-UNPAID")), outcome.get("serviceAnswer"));
        assertEquals(Map.of("service", "TECHNICAL_SUPPORT", "category", "STANDARD", "paid", false, "discountPercent", 0,
                "freeServicesGranted12m", 0), decision.get("serviceRequest"));
        assertEquals(decision, api.get("/api/audit/decisions/" + decision.get("decisionId")));
        assertEquals("SERVICE_REQUEST", db.text("SELECT kind FROM decision_audit WHERE decision_id = '" + decision.get("decisionId") + "'"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM service_grant"));
    }

    @Test
    void marginalClientIsRefusedADiscountAndAnExceptionEvenPaid() {
        assertEquals(List.of("SRV-MARGINAL-DISCOUNT"), answer(request("M1", "TRAINING", true, 3, "2011-12-10")).get("ruleIds"));
        assertEquals(List.of("SRV-MARGINAL-EXCEPTION"), answer(request("M1", "PRIORITY_LANE", true, null, "2011-12-10")).get("ruleIds"));
        assertEquals(true, answer(request("M1", "TRAINING", true, null, "2011-12-10")).get("granted"));
    }

    @Test
    void yearlyLimitOfFreeServicesCountsRealGrants() {
        assertEquals(true, answer(request("D1", "TRAINING", false, null, "2011-12-01")).get("granted"));
        assertEquals(true, answer(request("D1", "CUSTOM_REPORT", false, null, "2011-12-05")).get("granted"));
        // refused requests and paid grants do not use up the allowance
        request("D1", "TRAINING", true, null, "2011-12-06");

        Map<String, Object> third = request("D1", "TRAINING", false, null, "2011-12-10");

        assertEquals(2, ((Map<?, ?>) third.get("serviceRequest")).get("freeServicesGranted12m"));
        assertEquals(Map.of("granted", false, "reasons", List.of("Clients to develop who had 2 unpaid services this year get no more"),
                "ruleIds", List.of("SRV-DEVELOP-UNPAID-LIMIT")), answer(third));
        assertEquals(2, db.count("SELECT COUNT(*) FROM service_grant WHERE client_id = 'D1' AND paid = FALSE"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM service_grant WHERE client_id = 'D1' AND paid = TRUE"));
    }

    // the defect of issue 13.4: as of 2011-06-10 the two grants made as of 2011-12-10 were not counted
    @Test
    void backDatedRequestCountsTheGrantsAlreadyMadeWhateverItsAsOf() {
        assertEquals(true, answer(request("D1", "TRAINING", false, null, "2011-12-10")).get("granted"));
        assertEquals(true, answer(request("D1", "TRAINING", false, null, "2011-12-10")).get("granted"));

        Map<String, Object> backDated = request("D1", "TRAINING", false, null, "2011-06-10");

        assertEquals("DEVELOP", ((Map<?, ?>) backDated.get("outcome")).get("cluster"));
        assertEquals(2, ((Map<?, ?>) backDated.get("serviceRequest")).get("freeServicesGranted12m"));
        assertEquals(List.of("SRV-DEVELOP-UNPAID-LIMIT"), answer(backDated).get("ruleIds"));
        assertEquals(true, backDated.get("whatIf"), "asOf before the client's latest decided asOf");
        assertEquals(2, db.count("SELECT COUNT(*) FROM service_grant WHERE client_id = 'D1' AND paid = FALSE"));
    }

    // a later asOf used to start a new year of allowance: the window is in decision time, not in business time
    @Test
    void grantsCountForTheYearAfterTheyWereMadeWhateverTheAsOf() {
        request("MA1", "TRAINING", false, null, "2011-10-02");
        request("MA1", "TRAINING", false, null, "2011-10-03");
        String first = db.text("SELECT decision_id FROM service_grant WHERE client_id = 'MA1' ORDER BY granted_at LIMIT 1");
        request("MA1", "TRAINING", false, null, "2011-10-04");

        Map<String, Object> nextYearAsOf = request("MA1", "TRAINING", false, null, "2012-10-01");
        assertEquals(3, ((Map<?, ?>) nextYearAsOf.get("serviceRequest")).get("freeServicesGranted12m"));
        assertEquals(false, answer(nextYearAsOf).get("granted"));

        // a grant made 365 days ago (decision time) falls out of the window; one made 364 days ago does not
        db.execute("UPDATE service_grant SET granted_at = granted_at - INTERVAL 365 DAY WHERE decision_id = '" + first + "'");
        db.execute("UPDATE service_grant SET granted_at = granted_at - INTERVAL 364 DAY WHERE client_id = 'MA1' "
                + "AND decision_id <> '" + first + "'");
        Map<String, Object> later = request("MA1", "TRAINING", false, null, "2011-10-05");

        assertEquals(2, ((Map<?, ?>) later.get("serviceRequest")).get("freeServicesGranted12m"));
        assertEquals(true, answer(later).get("granted"));
    }

    // requests at the same moment each counted the grants before any of them was recorded
    @Test
    void simultaneousRequestsCannotPassTheYearlyLimitTogether() throws Exception {
        int requests = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(requests);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Map<String, Object>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request("D1", "TRAINING", false, null, "2011-12-10");
                }));
            }
            start.countDown();
            long granted = 0;
            for (java.util.concurrent.Future<Map<String, Object>> answer : answers) {
                granted += Boolean.TRUE.equals(answer(answer.get()).get("granted")) ? 1 : 0;
            }

            assertEquals(2, granted, "a client to develop gets 2 unpaid services a year");
            assertEquals(2, db.count("SELECT COUNT(*) FROM service_grant WHERE client_id = 'D1' AND paid = FALSE"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keyClientGetsExceptionsAndDiscountsWithinTheTableLimit() {
        assertEquals(true, answer(request("K1", "PRIORITY_LANE", false, null, "2011-12-10")).get("granted"));
        assertEquals(true, answer(request("K1", "TRAINING", true, 15, "2011-12-10")).get("granted"));
        assertEquals(List.of("SRV-KEY-DISCOUNT-LIMIT"), answer(request("K1", "TRAINING", true, 20, "2011-12-10")).get("ruleIds"));
    }

    @Test
    void unknownServiceIs400AndNothingIsAudited() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/decisions/service-requests",
                Map.of("clientId", "M1", "service", "FREE_LUNCH", "paid", false)));

        assertEquals(400, problem.status());
        assertEquals("/problems/unknown-service", problem.body().get("type"));
        assertEquals("service", problem.body().get("field"));
        assertTrue(problem.detail().contains("TECHNICAL_SUPPORT"), problem.detail());
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit"));
    }

    @Test
    void invalidRequestNamesTheFields() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/decisions/service-requests",
                Map.of("clientId", "M1", "service", "TRAINING", "discountPercent", 150)));

        assertEquals(400, problem.status());
        assertEquals("discountPercent: must be less than or equal to 100; paid: must not be null", problem.detail());
        assertFalse(problem.detail().contains("Exception"));
    }

    @Test
    void unknownClientIs404() {
        assertEquals(404, api.problem(HttpRequest.POST("/api/decisions/service-requests",
                Map.of("clientId", "NOPE", "service", "TRAINING", "paid", true))).status());
    }

    private Map<String, Object> request(String clientId, String service, boolean paid, Integer discount, String asOf) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", clientId, "service", service, "paid", paid, "asOf", asOf));
        if (discount != null) {
            body.put("discountPercent", discount);
        }
        return api.post("/api/decisions/service-requests", body);
    }

    private static Map<?, ?> answer(Map<String, Object> decision) {
        return (Map<?, ?>) ((Map<?, ?>) decision.get("outcome")).get("serviceAnswer");
    }
}
