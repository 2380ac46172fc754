package com.clientvalue.decision;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions compared with the client's previous one, the transition feed, loss reasons and win-back. */
@MicronautTest(transactional = false)
class TransitionIntegrationTest extends HttpIntegrationTest {
    Api api;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key,Italy,90\nM1,Small,Italy,10\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                K1,A1,2011-01-10,1000
                K1,A2,2011-03-10,1000
                K1,A3,2011-05-10,1000
                M1,A4,2011-05-10,20
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void secondDecisionReportsWhatChangedSinceTheFirst() {
        Map<String, Object> first = decide("M1", "2011-06-01");
        assertEquals(List.of(), first.get("transitions"));

        api.importCsv("clients", "client_id,name,country,potential\nM1,Small,Italy,80\n");
        Map<String, Object> second = decide("M1", "2011-12-10");

        assertEquals(Map.of("decisionId", first.get("decisionId"), "cluster", "MARGINAL", "lifecycle", "NEW",
                "lastActiveCluster", "MARGINAL"), withoutNulls((Map<String, Object>) second.get("previousDecision")));
        assertEquals(List.of(
                Map.of("dimension", "CLUSTER", "from", "MARGINAL", "to", "DEVELOP", "previousDecisionId", first.get("decisionId")),
                Map.of("dimension", "LIFECYCLE", "from", "NEW", "to", "INACTIVE", "previousDecisionId", first.get("decisionId"))),
                second.get("transitions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void feedListsTransitionsInOrderAndPagesWithoutGaps() {
        decide("M1", "2011-06-01");
        decide("K1", "2011-06-01");
        decide("M1", "2011-12-10");
        decide("K1", "2012-06-01");

        Map<String, Object> all = api.get("/api/events/transitions");
        List<Map<String, Object>> items = (List<Map<String, Object>>) all.get("items");
        assertEquals(List.of("M1 LIFECYCLE NEW>INACTIVE", "K1 CLUSTER KEY>DEVELOP", "K1 LIFECYCLE ACTIVE>LOST"),
                items.stream().map(i -> i.get("clientId") + " " + i.get("dimension") + " " + i.get("from") + ">" + i.get("to")).toList());

        Map<String, Object> firstPage = api.get("/api/events/transitions?limit=2");
        Map<String, Object> secondPage = api.get("/api/events/transitions?limit=2&afterId=" + firstPage.get("nextAfterId"));
        assertEquals(2, ((List<?>) firstPage.get("items")).size());
        assertEquals(List.of(items.get(2)), secondPage.get("items"));
        assertEquals(List.of(), api.get("/api/events/transitions?since=2999-01-01T00:00:00Z").get("items"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void lostClientThatWasKeyGetsAWinBackOfferAndAnInquiryUntilTheReasonIsKnown() {
        Map<String, Object> whileActive = decide("K1", "2011-06-01");
        assertEquals("KEY", ((Map<?, ?>) whileActive.get("outcome")).get("cluster"));

        Map<String, Object> lost = decide("K1", "2012-06-01");
        assertEquals("LOST", ((Map<?, ?>) lost.get("outcome")).get("lifecycle"));
        assertEquals("KEY", ((Map<?, ?>) lost.get("previousDecision")).get("lastActiveCluster"));
        assertTrue(actions(lost).containsAll(List.of("LOSS_REASON_INQUIRY", "WIN_BACK_OFFER")), actions(lost).toString());

        api.put("/api/clients/K1/loss-reason", Map.of("reason", "moved to a competitor"));
        Map<String, Object> again = decide("K1", "2012-06-02");
        assertEquals("KEY", ((Map<?, ?>) again.get("previousDecision")).get("lastActiveCluster"), "still what it was");
        assertTrue(actions(again).contains("WIN_BACK_OFFER"));
        assertTrue(!actions(again).contains("LOSS_REASON_INQUIRY"));
        assertEquals("moved to a competitor", ((Map<?, ?>) again.get("facts")).get("lossReason"));

        Map<String, Object> summary = api.get("/api/portfolio/summary?asOf=2012-06-02");
        assertEquals(List.of(Map.of("reason", "UNKNOWN", "lost", 1, "inactive", 0),
                Map.of("reason", "moved to a competitor", "lost", 1, "inactive", 0)), summary.get("lostOrInactiveByReason"));
    }

    // the defect of issue 13.5: deciding as of 2010-01-01 after a 2011-12-10 decision fed LOYAL>PROSPECT to the CRM
    @Test
    @SuppressWarnings("unchecked")
    void backDatedDecisionIsAWhatIfComparedInBusinessTimeAndNeverFedToTheCrm() {
        Map<String, Object> current = decide("K1", "2011-06-01");
        assertEquals(false, current.get("whatIf"));

        Map<String, Object> backDated = decide("K1", "2010-01-01");

        assertEquals(true, backDated.get("whatIf"));
        assertEquals("PROSPECT", ((Map<?, ?>) backDated.get("outcome")).get("lifecycle"));
        assertEquals(null, backDated.get("previousDecision"), "no decision as of 2010-01-01 or before");
        assertEquals(List.of(), backDated.get("transitions"));
        assertEquals(List.of(), api.get("/api/events/transitions").get("items"));
        assertEquals(true, api.get("/api/audit/decisions/" + backDated.get("decisionId")).get("whatIf"));

        // the next decision compares itself with the latest in business time, not with the what-if made last
        Map<String, Object> next = decide("K1", "2012-06-01");
        assertEquals(false, next.get("whatIf"));
        assertEquals(current.get("decisionId"), ((Map<?, ?>) next.get("previousDecision")).get("decisionId"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/events/transitions").get("items");
        assertEquals(List.of("CLUSTER KEY>DEVELOP 2012-06-01", "LIFECYCLE ACTIVE>LOST 2012-06-01"), items.stream()
                .map(i -> i.get("dimension") + " " + i.get("from") + ">" + i.get("to") + " " + i.get("asOf")).toList());
        assertEquals(List.of(next.get("decisionId"), next.get("ruleVersion")), List.of(items.get(0).get("decisionId"),
                items.get(0).get("ruleVersion")));
    }

    @Test
    void decisionBetweenTwoOthersInBusinessTimeComparesWithTheEarlierAndStaysOutOfTheFeed() {
        Map<String, Object> june = decide("K1", "2011-06-01");
        decide("K1", "2012-06-01");
        long fed = ((List<?>) api.get("/api/events/transitions").get("items")).size();

        Map<String, Object> between = decide("K1", "2011-12-10");

        assertEquals(true, between.get("whatIf"));
        assertEquals(june.get("decisionId"), ((Map<?, ?>) between.get("previousDecision")).get("decisionId"));
        // silent since 2011-05-10: 214 days as of 2011-12-10, inactive since June's decision (the 2012 one said LOST)
        assertEquals(List.of(Map.of("dimension", "LIFECYCLE", "from", "ACTIVE", "to", "INACTIVE", "previousDecisionId",
                june.get("decisionId"))), between.get("transitions"));
        assertEquals(fed, ((List<?>) api.get("/api/events/transitions").get("items")).size(), "a what-if feeds nothing");
    }

    @Test
    void sameAsOfTwiceComparesWithTheOneDecidedLast() {
        decide("K1", "2011-06-01");
        Map<String, Object> again = decide("K1", "2011-06-01");
        Map<String, Object> third = decide("K1", "2011-06-01");

        assertEquals(false, third.get("whatIf"), "the same asOf as the latest is not back-dated");
        assertEquals(again.get("decisionId"), ((Map<?, ?>) third.get("previousDecision")).get("decisionId"));
    }

    @Test
    void backDatedDecisionFollowsWhatAnOlderDecisionRemembered() {
        decide("K1", "2011-06-01");
        Map<String, Object> lost = decide("K1", "2012-06-01");
        decide("K1", "2013-06-01");

        Map<String, Object> whatIf = decide("K1", "2012-07-01");
        assertEquals(lost.get("decisionId"), ((Map<?, ?>) whatIf.get("previousDecision")).get("decisionId"));
        assertEquals("KEY", ((Map<?, ?>) whatIf.get("previousDecision")).get("lastActiveCluster"), "lost, but was KEY");

        // decisions audited before V18 (legacy rows, documents in their row) have no last_active_cluster: it is read from their documents
        String document = api.getRaw("/api/audit/decisions/" + lost.get("decisionId")).replace("'", "''").replace("\\", "\\\\");
        db.execute("UPDATE decision_audit SET last_active_cluster = NULL, decision = '" + document + "' WHERE decision_id = '"
                + lost.get("decisionId") + "'");
        Map<String, Object> again = decide("K1", "2012-06-15");
        assertEquals(lost.get("decisionId"), ((Map<?, ?>) again.get("previousDecision")).get("decisionId"));
        assertEquals("KEY", ((Map<?, ?>) again.get("previousDecision")).get("lastActiveCluster"));
    }

    @Test
    void feedRefusesUnknownParametersNamingThem() {
        Api.Problem problem = api.problem(io.micronaut.http.HttpRequest.GET("/api/events/transitions?sinse=2011-01-01T00:00:00Z&limit=5"));

        assertEquals(400, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertEquals("/problems/unknown-parameter", problem.body().get("type"));
        assertEquals(List.of("sinse"), problem.body().get("parameters"));
        assertTrue(problem.detail().contains("sinse") && problem.detail().contains("since"), problem.detail());
    }

    private Map<String, Object> decide(String clientId, String asOf) {
        return api.post("/api/decisions", Map.of("clientId", clientId, "asOf", asOf));
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
