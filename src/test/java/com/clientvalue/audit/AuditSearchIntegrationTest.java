package com.clientvalue.audit;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit search by business date (asOf), decision time, rule version, cluster and what-if; unknown parameters refused. */
@MicronautTest(transactional = false)
class AuditSearchIntegrationTest extends HttpIntegrationTest {
    Api api;
    Map<String, Object> key;
    Map<String, Object> marginal;
    Map<String, Object> develop;
    Map<String, Object> keyWhatIf;

    // revenue 1000, 50, 10: K1 class A (KEY), D1 class B (DEVELOP), M1 unrated and class C (MARGINAL)
    @BeforeEach
    void decisions() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key,Italy,90\nM1,Marginal,Italy,\nD1,Develop,Italy,75\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,A1,2011-10-01,1000\nM1,A2,2011-10-01,10\nD1,A3,2011-10-01,50\n");
        key = decide("K1", "2011-12-10");
        marginal = decide("M1", "2011-11-10");
        develop = decide("D1", "2011-12-10");
        // before K1's first order: a prospect, class C, so a client to develop; back-dated, so a what-if
        keyWhatIf = decide("K1", "2011-06-01");
    }

    @Test
    void searchesByBusinessDateRangeInclusive() {
        assertEquals(ids(marginal), found("asOfFrom=2011-11-01&asOfTo=2011-11-30"));
        assertEquals(ids(keyWhatIf, marginal), found("asOfTo=2011-11-10"));
        assertEquals(ids(develop, key), found("asOfFrom=2011-12-10"));
        assertEquals(ids(develop, key), found("asOfFrom=2011-12-10&asOfTo=2011-12-10"));
    }

    @Test
    void searchesByClusterRuleVersionAndWhatIf() {
        assertEquals(ids(key), found("cluster=KEY"));
        assertEquals(ids(keyWhatIf, develop), found("cluster=DEVELOP"));
        assertEquals(ids(keyWhatIf, develop, marginal, key), found("ruleVersion=" + key.get("ruleVersion")));
        assertEquals(List.of(), found("ruleVersion=" + "0".repeat(64)));
        assertEquals(ids(keyWhatIf), found("whatIf=true"));
        assertEquals(ids(develop, marginal, key), found("whatIf=false"));
        assertEquals(ids(keyWhatIf), found("clientId=K1&cluster=DEVELOP&asOfTo=2011-12-09"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void decisionTimeIsAnInstantFromInclusiveToExclusive() {
        String developAt = (String) develop.get("decidedAt");
        assertTrue(developAt.endsWith("Z"), developAt);
        assertEquals(ids(keyWhatIf, develop), found("from=" + developAt));
        assertEquals(ids(marginal, key), found("to=" + developAt));
        assertEquals(ids(keyWhatIf, develop, marginal, key), found("from=2011-12-10T00:00:00Z&to=" + Instant.now().plusSeconds(60)));

        Map<String, Object> item = ((List<Map<String, Object>>) api.get("/api/audit/decisions?whatIf=true").get("items")).get(0);
        assertEquals(Map.of("decisionId", keyWhatIf.get("decisionId"), "clientId", "K1", "asOf", "2011-06-01",
                "ruleVersion", keyWhatIf.get("ruleVersion"), "decidedAt", keyWhatIf.get("decidedAt"), "kind", "CLIENT",
                "whatIf", true, "cluster", "DEVELOP", "lifecycle", "PROSPECT"), item);
    }

    @Test
    void aDateWhereADecisionTimeIsExpectedNamesTheParameterAndTheForm() {
        Api.Problem problem = api.problem(HttpRequest.GET("/api/audit/decisions?from=2011-12-10"));

        assertEquals(400, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertEquals("/problems/invalid-decision-time", problem.body().get("type"));
        assertEquals("from", problem.body().get("parameter"));
        assertEquals("from: '2011-12-10' is not a decision time; use an ISO-8601 UTC instant such as 2011-12-10T00:00:00Z "
                + "(business dates are searched with asOfFrom and asOfTo)", problem.detail());
    }

    @Test
    void unknownParametersAreRefusedNamingThem() {
        Api.Problem problem = api.problem(HttpRequest.GET("/api/audit/decisions?clientID=K1&asof=2011-12-10&size=5"));

        assertEquals(400, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertEquals("/problems/unknown-parameter", problem.body().get("type"));
        assertEquals(List.of("clientID", "asof"), problem.body().get("parameters"));
        assertTrue(problem.detail().startsWith("unknown query parameters 'clientID', 'asof'; this endpoint takes "), problem.detail());
        assertTrue(problem.detail().contains("asOfFrom"), problem.detail());
    }

    @Test
    void anUnknownClusterNamesTheParameter() {
        Api.Problem problem = api.problem(HttpRequest.GET("/api/audit/decisions?cluster=KEYY"));

        assertEquals(400, problem.status());
        assertEquals("cluster: must be one of KEY, DEVELOP, MAINTAIN, MARGINAL", problem.detail());
    }

    private Map<String, Object> decide(String clientId, String asOf) {
        return api.post("/api/decisions", Map.of("clientId", clientId, "asOf", asOf));
    }

    @SuppressWarnings("unchecked")
    private List<Object> found(String query) {
        return ((List<Map<String, Object>>) api.get("/api/audit/decisions?" + query).get("items")).stream()
                .map(i -> i.get("decisionId")).toList();
    }

    @SafeVarargs
    private static List<Object> ids(Map<String, Object>... decisions) {
        return java.util.Arrays.stream(decisions).map(d -> d.get("decisionId")).toList();
    }
}
