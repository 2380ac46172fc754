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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The due list of scheduled contacts: a key client's frequent contact (every 14 days, by the key
 * account manager in vocabulary/actions.csv) is due from its decision, then 14 days after each report.
 */
@MicronautTest(transactional = false)
class ContactScheduleIntegrationTest extends HttpIntegrationTest {
    private static final String KAM = "key%20account%20manager";
    Api api;
    String decisionId;

    @BeforeEach
    void keyClientDecided() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key Ltd,IT,80\nD1,Small Srl,IT,80\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O1,2011-06-01,9000\nD1,O2,2011-06-01,10\n");
        decisionId = (String) api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-06-30")).get("decisionId");
        api.post("/api/decisions", Map.of("clientId", "D1", "asOf", "2011-06-30"));
    }

    @Test
    void anActionNeverDoneIsDueFromItsDecision() {
        Map<String, Object> contact = frequentContact(list("owner=" + KAM + "&asOf=2011-07-04"));

        assertEquals("K1", contact.get("clientId"));
        assertEquals("Key Ltd", contact.get("clientName"));
        assertEquals("KEY", contact.get("cluster"));
        assertEquals(14, contact.get("cadenceDays"));
        assertNull(contact.get("lastDone"));
        assertEquals("2011-06-30", contact.get("nextDue"));
        assertEquals(4, contact.get("daysLate"));
        assertEquals(decisionId, contact.get("decisionId"));
    }

    @Test
    void aReportedContactIsDueAgainAfterItsCadence() {
        assertEquals(204, http.toBlocking().exchange(HttpRequest.POST("/api/actions",
                Map.of("decisionId", decisionId, "actionCode", "FREQUENT_CONTACT", "doneOn", "2011-07-01"))).code());

        assertTrue(codes(list("owner=" + KAM + "&asOf=2011-07-10")).isEmpty(), "done on 1 July: next due on 15 July");
        Map<String, Object> soon = frequentContact(list("owner=" + KAM + "&asOf=2011-07-10&horizonDays=5"));
        assertEquals(List.of("2011-07-01", "2011-07-15", 0), List.of(soon.get("lastDone"), soon.get("nextDue"), soon.get("daysLate")));
        assertEquals(5, frequentContact(list("owner=" + KAM + "&asOf=2011-07-20")).get("daysLate"));
        assertEquals("2011-06-30", frequentContact(list("owner=" + KAM + "&asOf=2011-06-30")).get("nextDue"),
                "a report after asOf does not count as of that date");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListIsPerOwner() {
        // the client to develop gets the full range presentation and the others of the sales people
        Map<String, Object> sales = list("owner=sales&asOf=2011-07-04");
        assertTrue(codes(sales).contains("FULL_RANGE_PRESENTATION"), sales.toString());
        assertTrue(!codes(sales).contains("FREQUENT_CONTACT"));
        assertTrue(((List<Map<String, Object>>) sales.get("items")).stream()
                .allMatch(c -> c.get("owner").equals("Sales") && c.get("clientId").equals("D1")), sales.toString());
        Map<String, Object> everyone = list("asOf=2011-07-04");
        assertTrue(codes(everyone).contains("FREQUENT_CONTACT"));
        assertEquals(codes(everyone).size(), ((Number) everyone.get("total")).intValue());

        Api.Problem problem = api.problem(HttpRequest.GET("/api/actions/due?owner=Janitor"));
        assertEquals(400, problem.status());
        assertEquals("owner", problem.body().get("field"));
        assertTrue(problem.detail().contains("Key account manager"), problem.detail());
    }

    @Test
    void aDecisionAuditedBeforeTheScheduleIsReadFromItsDocument() {
        db.execute("UPDATE latest_decision SET action_codes = NULL");

        assertEquals("2011-06-30", frequentContact(list("owner=" + KAM + "&asOf=2011-07-04")).get("nextDue"));
    }

    @Test
    void theListIsPaged() {
        Map<String, Object> all = list("asOf=2011-07-04");
        int total = ((Number) all.get("total")).intValue();
        assertTrue(total >= 2, all.toString());

        Map<String, Object> second = list("asOf=2011-07-04&size=1&page=1");
        assertEquals(total, ((Number) second.get("total")).intValue());
        assertEquals(List.of(codes(all).get(1)), codes(second));
    }

    private Map<String, Object> list(String query) {
        return api.get("/api/actions/due?" + query);
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> list) {
        return ((List<Map<String, Object>>) list.get("items")).stream().map(c -> (String) c.get("actionCode")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frequentContact(Map<String, Object> list) {
        List<Map<String, Object>> found = ((List<Map<String, Object>>) list.get("items")).stream()
                .filter(c -> c.get("actionCode").equals("FREQUENT_CONTACT")).toList();
        assertEquals(1, found.size(), list.toString());
        return found.get(0);
    }
}
