package com.clientvalue.audit;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit's hash chain: intact after decisions, and a row changed, removed or cut off in MariaDB is reported. */
@MicronautTest(transactional = false)
class AuditChainIntegrationTest extends HttpIntegrationTest {
    Api api;
    List<String> decisions;

    @BeforeEach
    void fiveDecisions() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,90\nB,b,IT,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1000\nB,O2,2011-10-01,10\n");
        decisions = new java.util.ArrayList<>();
        for (String client : List.of("A", "B", "A")) {
            decisions.add((String) api.post("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10")).get("decisionId"));
        }
        api.postRaw("/api/decisions/batch", Map.of("clientIds", List.of("A", "B"), "asOf", "2011-12-11"));
    }

    @Test
    void anUntouchedAuditVerifies() {
        Map<String, Object> result = api.get("/api/audit/verify");

        assertEquals(Map.of("intact", true, "recordsChecked", 5, "headSeq", 5),
                Map.of("intact", result.get("intact"), "recordsChecked", result.get("recordsChecked"), "headSeq", result.get("headSeq")));
        assertEquals("0".repeat(64), db.text("SELECT prev_hash FROM decision_audit WHERE chain_seq = 1"));
        assertEquals(db.text("SELECT record_hash FROM decision_audit WHERE chain_seq = 1"),
                db.text("SELECT prev_hash FROM decision_audit WHERE chain_seq = 2"));
    }

    @Test
    void aDocumentChangedInMariaDbIsTheFirstBrokenLink() {
        String second = decisions.get(1);
        db.execute("UPDATE decision_audit SET decision = REPLACE(decision, '\"MARGINAL\"', '\"KEY\"') WHERE decision_id = '" + second + "'");

        Map<String, Object> result = api.get("/api/audit/verify");

        assertEquals(false, result.get("intact"));
        assertEquals(2, result.get("firstBrokenSeq"));
        assertEquals(second, result.get("firstBrokenDecisionId"));
        assertEquals("its content does not match its hash: the record was changed", result.get("problem"));
        assertEquals(1, result.get("recordsChecked"));
    }

    @Test
    void aColumnChangedARecordRemovedOrTheNewestCutOffAreReported() {
        db.execute("UPDATE decision_audit SET cluster = 'DEVELOP' WHERE chain_seq = 4");
        assertEquals(4, api.get("/api/audit/verify").get("firstBrokenSeq"));
        db.execute("UPDATE decision_audit SET cluster = (SELECT JSON_VALUE(decision, '$.outcome.cluster')) WHERE chain_seq = 4");
        assertEquals(true, api.get("/api/audit/verify").get("intact"), "restored exactly, it verifies again");

        db.execute("DELETE FROM decision_fired_rule WHERE decision_id = (SELECT decision_id FROM decision_audit WHERE chain_seq = 5)");
        db.execute("DELETE FROM decision_transition WHERE decision_id = (SELECT decision_id FROM decision_audit WHERE chain_seq = 5)");
        db.execute("DELETE FROM latest_decision WHERE decision_id = (SELECT decision_id FROM decision_audit WHERE chain_seq = 5)");
        db.execute("DELETE FROM decision_audit WHERE chain_seq = 5");
        Map<String, Object> cut = api.get("/api/audit/verify");
        assertEquals(false, cut.get("intact"));
        assertTrue(((String) cut.get("problem")).contains("the newest records were removed"), (String) cut.get("problem"));
    }
}
