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
