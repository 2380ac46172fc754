package com.clientvalue.decision;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DecisionIntegrationTest extends HttpIntegrationTest {
    Api api;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", """
                client_id,name,country,potential
                K1,Key,Italy,90
                M1,Marginal,Italy,
                D1,Develop,Italy,75
                """);
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                K1,A1,2011-10-01,1000
                M1,A2,2011-10-01,10
                D1,A3,2011-10-01,50
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void decisionReturnsOutcomeFiredRulesAndReasons() {
        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-12-10"));

        assertEquals("K1", decision.get("clientId"));
        assertEquals("2011-12-10", decision.get("asOf"));
        assertEquals(api.get("/api/rules").get("version"), decision.get("ruleVersion"));
        Map<?, ?> outcome = (Map<?, ?>) decision.get("outcome");
        assertEquals("KEY", outcome.get("cluster"));
        assertEquals("HIGH", outcome.get("potentialLevel"));
        assertEquals("HIGH", outcome.get("revenueLevel"));
        assertEquals("NEW", outcome.get("lifecycle"), "first order 70 days before asOf");
        assertEquals(null, outcome.get("experienceSegment"));
        assertEquals(null, outcome.get("serviceAnswer"));
        assertEquals(List.of("ASSESSMENT_DUE", "DEDICATED_REFERENT", "FREQUENT_CONTACT", "MANAGEMENT_DIRECT_LINE", "ON_SITE_SERVICE",
                "PRIORITY_LANE", "WELCOME_VISIT"), ((List<Map<String, Object>>) outcome.get("actions")).stream().map(a -> (String) a.get("code")).sorted().toList());
        List<String> fired = ruleIds(decision);
        assertEquals(List.of("ACT-KEY-CONTACT", "ACT-KEY-MANAGEMENT", "ACT-KEY-ON-SITE", "ACT-KEY-PRIORITY", "ACT-KEY-REFERENT",
                "ASM-KEY-NEVER", "CAT-ABROAD", "CAT-NEW", "CAT-OCCASIONAL", "CLU-KEY", "LAD-NEW-VISIT", "LC-NEW", "POT-HIGH",
                "REV-A"), fired.stream().sorted().toList());
        assertEquals(List.of("ABROAD", "NEW", "OCCASIONAL"),
                ((List<String>) outcome.get("categories")).stream().sorted().toList(),
                "an Italian client with one order, imported without a margin (so never most profitable)");
        assertTrue(fired.indexOf("CLU-KEY") > fired.indexOf("POT-HIGH") && fired.indexOf("CLU-KEY") > fired.indexOf("REV-A"),
                "the cluster rule fires after both levels");
        assertTrue(fired.indexOf("ACT-KEY-REFERENT") > fired.indexOf("CLU-KEY"), "actions follow the cluster");
        assertEquals(fired.size(), ((List<?>) decision.get("reasons")).size());
        assertEquals(List.of(), decision.get("transitions"));
        assertEquals(null, decision.get("previousDecision"));
        assertEquals(1000.0, ((Number) facts(decision).get("revenue12m")).doubleValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void auditHoldsExactlyWhatTheApiAnswered() {
        String answered = api.postRaw("/api/decisions", Map.of("clientId", "M1", "asOf", "2011-12-10"));
        Map<String, Object> decision = api.read(answered);

        Map<String, Object> audited = api.get("/api/audit/decisions/" + decision.get("decisionId"));

        assertEquals(decision, audited);
        assertTrue(((List<Map<String, Object>>) ((Map<?, ?>) audited.get("outcome")).get("actions")).stream()
                .anyMatch(a -> a.get("code").equals("ASSESS_POTENTIAL") && a.get("ruleId").equals("POT-UNRATED")));
        assertEquals(String.join(" ", ruleIds(decision)), db.text("SELECT GROUP_CONCAT(r.rule_id ORDER BY r.seq SEPARATOR ' ') "
                + "FROM decision_audit a JOIN fired_rule_set_rule r ON r.set_id = a.fired_set WHERE a.decision_id = '"
                + decision.get("decisionId") + "'"), "the fired rules are searchable in firing order");
        long lists = db.count("SELECT COUNT(*) FROM fired_rule_set");
        String again = (String) api.post("/api/decisions", Map.of("clientId", "M1", "asOf", "2011-12-10")).get("decisionId");
        assertEquals(db.text("SELECT fired_set FROM decision_audit WHERE decision_id = '" + decision.get("decisionId") + "'"),
                db.text("SELECT fired_set FROM decision_audit WHERE decision_id = '" + again + "'"));
        assertEquals(lists, db.count("SELECT COUNT(*) FROM fired_rule_set"), "a list of fired rules is stored once");
    }

    @Test
    void auditIsSearchedByClientRuleAndDateNewestFirst() {
        String first = (String) api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-12-10")).get("decisionId");
        String second = (String) api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-11-10")).get("decisionId");
        api.post("/api/decisions", Map.of("clientId", "M1", "asOf", "2011-12-10"));

        assertEquals(List.of(second, first), ids(api.get("/api/audit/decisions?clientId=K1")));
        assertEquals(List.of(second, first), ids(api.get("/api/audit/decisions?ruleId=CLU-KEY")));
        assertEquals(1, ids(api.get("/api/audit/decisions?ruleId=POT-UNRATED")).size());
        assertEquals(List.of(), ids(api.get("/api/audit/decisions?ruleId=CLU-DEVELOP")));
        // decision time is an ISO-8601 UTC instant, from inclusive, to exclusive (it was a date, unlike the feed's since)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(3, ids(api.get("/api/audit/decisions?from=" + today + "T00:00:00Z&to=" + today.plusDays(1) + "T00:00:00Z")).size());
        assertEquals(List.of(), ids(api.get("/api/audit/decisions?to=2000-01-01T00:00:00Z")));
        Map<String, Object> page = api.get("/api/audit/decisions?page=1&size=2");
        assertEquals(3, page.get("total"));
        assertEquals(1, ids(page).size());
    }

    @Test
    void decisionIdsAreTimeOrderedUuidsSoTheAuditGrowsAtTheEndOfItsKey() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add((String) api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-12-10")).get("decisionId"));
        }

        assertEquals(ids.stream().sorted().toList(), ids, "later decisions have greater ids");
        for (String id : ids) {
            assertEquals(7, java.util.UUID.fromString(id).version(), id);
        }
    }

    @Test
    void unknownClientIs404AndNothingIsAudited() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/decisions", Map.of("clientId", "GHOST")));

        assertEquals(404, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertTrue(problem.detail().contains("GHOST"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit"));
    }

    @Test
    void invalidRequestNamesTheField() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/decisions", Map.of("clientId", " ")));

        assertEquals(400, problem.status());
        assertEquals("clientId: must not be blank", problem.detail());

        Api.Problem badDate = api.problem(HttpRequest.POST("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-02-30")));
        assertEquals(400, badDate.status());
        assertTrue(badDate.detail().contains("asOf"), badDate.detail());
    }

    @Test
    void batchDecidesEachClientOnceInRequestOrder() {
        List<Map<String, Object>> decisions = api.read("{\"list\":" + api.postRaw("/api/decisions/batch",
                Map.of("clientIds", List.of("D1", "K1", "D1"), "asOf", "2011-12-10")) + "}").get("list") instanceof List<?> l
                ? l.stream().map(d -> (Map<String, Object>) d).toList() : List.of();

        assertEquals(List.of("D1", "K1"), decisions.stream().map(d -> d.get("clientId")).toList());
        assertEquals("DEVELOP", ((Map<?, ?>) decisions.get(0).get("outcome")).get("cluster"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM decision_audit"));
    }

    @Test
    void batchWithAnUnknownClientDecidesNothing() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/decisions/batch", Map.of("clientIds", List.of("K1", "NOPE"))));

        assertEquals(404, problem.status());
        assertTrue(problem.detail().contains("NOPE"), problem.detail());
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit"));
    }

    @Test
    void asOfDefaultsToToday() {
        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "K1"));

        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), decision.get("asOf"));
    }

    // documents audited before whatIf existed have no such member: they are still read back
    @Test
    void decisionAuditedBeforeWhatIfExistedStillReplays() {
        String id = (String) api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-12-10")).get("decisionId");
        db.execute("UPDATE decision_audit SET decision = JSON_REMOVE(decision, '$.whatIf') WHERE decision_id = '" + id + "'");

        Map<String, Object> replay = api.post("/api/audit/decisions/" + id + "/replay", Map.of());

        assertEquals(false, replay.get("outcomeChanged"));
    }

    @Test
    void unknownAuditedDecisionIs404() {
        Api.Problem problem = api.problem(HttpRequest.GET("/api/audit/decisions/00000000-0000-0000-0000-000000000000"));

        assertEquals(404, problem.status());
        assertEquals("/problems/decision-not-found", problem.body().get("type"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleIds(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) decision.get("firedRules")).stream().map(r -> (String) r.get("ruleId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Map<String, Object> decision) {
        return (Map<String, Object>) decision.get("facts");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("decisionId")).toList();
    }
}
