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

/** Actions reported as done, and the share of inactive clients that ordered again within 90 days. */
@MicronautTest(transactional = false)
class ActionResultsIntegrationTest extends HttpIntegrationTest {
    Api api;
    String firstDecision;
    String secondDecision;

    // both silent since 2010-12-01: inactive as of 2011-06-30 (211 days), so a reactivation contact each
    @BeforeEach
    void inactiveClientsContacted() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nI1,a,IT,10\nI2,b,IT,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nI1,O1,2010-12-01,100\nI2,O2,2010-12-01,100\n");
        firstDecision = reactivationDecision("I1");
        secondDecision = reactivationDecision("I2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shareOfContactedClientsWhoOrderedWithin90Days() {
        done(firstDecision, "2011-07-01");
        done(secondDecision, "2011-07-01");
        // I1 orders 45 days after the call, I2 only 137 days after
        api.importCsv("orders", "client_id,order_id,order_date,amount\nI1,O3,2011-08-15,50\nI2,O4,2011-11-15,50\n");

        List<Map<String, Object>> results = (List<Map<String, Object>>) (Object) api.read("{\"r\":"
                + api.getRaw("/api/actions/results?asOf=2011-12-10") + "}").get("r");

        Map<String, Object> reactivation = results.stream().filter(r -> r.get("actionCode").equals("REACTIVATION_CONTACT"))
                .findFirst().orElseThrow();
        assertEquals("INACTIVE", reactivation.get("lifecycle"));
        assertEquals(List.of(2, 2, 1, 0.5), List.of(reactivation.get("done"), reactivation.get("followedUp"),
                reactivation.get("orderedWithin90Days"), reactivation.get("orderedShare")));

        // REACTIVATION_CONTACT costs 0.5 hours and no money in vocabulary/actions.csv: two calls, one client won back
        assertEquals(List.of(1.0, 0, 1.0, 0.0), List.of(reactivation.get("costHours"), reactivation.get("costAmount"),
                reactivation.get("hoursPerResult"), reactivation.get("amountPerResult")));
        assertEquals(null, reactivation.get("period"));

        Map<String, Object> tooEarly = (Map<String, Object>) ((List<Object>) (Object) api.read("{\"r\":"
                + api.getRaw("/api/actions/results?asOf=2011-09-01") + "}").get("r")).get(0);
        assertEquals(0, tooEarly.get("followedUp"), "90 days have not passed yet");
        assertEquals(null, tooEarly.get("orderedShare"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsSplitByTheMonthTheActionWasDone() {
        done(firstDecision, "2011-07-01");
        done(secondDecision, "2011-08-02");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nI2,O4,2011-09-15,50\n");

        List<Map<String, Object>> months = ((List<Map<String, Object>>) (Object) api.read("{\"r\":"
                + api.getRaw("/api/actions/results?asOf=2011-12-10&per=MONTH") + "}").get("r")).stream()
                .filter(r -> r.get("actionCode").equals("REACTIVATION_CONTACT")).toList();

        assertEquals(List.of("2011-07", "2011-08"), months.stream().map(r -> r.get("period")).toList());
        assertEquals(List.of(0, 1), months.stream().map(r -> r.get("orderedWithin90Days")).toList());
        assertEquals(java.util.Arrays.asList(null, 0.5), months.stream().map(r -> r.get("hoursPerResult")).toList(),
                "no result in July: no cost per result");
        Api.Problem problem = api.problem(HttpRequest.GET("/api/actions/results?per=WEEK"));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("per"), problem.detail());
    }

    @Test
    void onlyActionsTheDecisionProposedCanBeReported() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/actions",
                Map.of("decisionId", firstDecision, "actionCode", "WIN_BACK_OFFER", "doneOn", "2011-07-01")));

        assertEquals(422, problem.status());
        assertTrue(problem.detail().startsWith("actionCode: decision '" + firstDecision + "' did not propose WIN_BACK_OFFER"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM action_record"));
    }

    // issue 13.8: an unknown decision id was answered 422 "did not propose"
    @Test
    void actionOfAnUnknownDecisionIs404() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/actions", Map.of("decisionId", "00000000-0000-0000-0000-000000000000",
                "actionCode", "REACTIVATION_CONTACT", "doneOn", "2011-07-01")));

        assertEquals(404, problem.status());
        assertEquals("/problems/decision-not-found", problem.body().get("type"));
        assertEquals("decisionId", problem.body().get("field"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM action_record"));
    }

    @Test
    void actionDoneBeforeItsDecisionsAsOfIsRefused() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/actions",
                Map.of("decisionId", firstDecision, "actionCode", "REACTIVATION_CONTACT", "doneOn", "2011-06-29")));

        assertEquals(422, problem.status());
        assertEquals("/problems/action-before-decision", problem.body().get("type"));
        assertEquals("doneOn", problem.body().get("field"));
        assertTrue(problem.detail().startsWith("doneOn: 2011-06-29 is before 2011-06-30"), problem.detail());
        assertEquals(0, db.count("SELECT COUNT(*) FROM action_record"));
        done(firstDecision, "2011-06-30");
        assertEquals(1, db.count("SELECT COUNT(*) FROM action_record"), "on the decision's own date is fine");
    }

    @SuppressWarnings("unchecked")
    private String reactivationDecision(String clientId) {
        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", clientId, "asOf", "2011-06-30"));
        assertTrue(((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .anyMatch(a -> a.get("code").equals("REACTIVATION_CONTACT")));
        return (String) decision.get("decisionId");
    }

    private void done(String decisionId, String on) {
        assertEquals(204, http.toBlocking().exchange(HttpRequest.POST("/api/actions",
                Map.of("decisionId", decisionId, "actionCode", "REACTIVATION_CONTACT", "doneOn", on, "outcome", "reached"))).code());
    }
}
