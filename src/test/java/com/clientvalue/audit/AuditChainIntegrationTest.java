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

        db.execute("DELETE FROM decision_transition WHERE decision_id = (SELECT decision_id FROM decision_audit WHERE chain_seq = 5)");
        db.execute("DELETE FROM latest_decision WHERE decision_id = (SELECT decision_id FROM decision_audit WHERE chain_seq = 5)");
        db.execute("DELETE FROM decision_audit WHERE chain_seq = 5");
        Map<String, Object> cut = api.get("/api/audit/verify");
        assertEquals(false, cut.get("intact"));
        assertTrue(((String) cut.get("problem")).contains("the newest records were removed"), (String) cut.get("problem"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void archivedRecordsLeaveAFileAndACheckpointFromWhichTheRestVerifies() throws Exception {
        String[] fourth = db.text("SELECT UNIX_TIMESTAMP(decided_at) FROM decision_audit WHERE chain_seq = 4").split("\\.");
        java.time.Instant before = java.time.Instant.ofEpochSecond(Long.parseLong(fourth[0]),
                fourth.length > 1 ? Long.parseLong((fourth[1] + "000000").substring(0, 6)) * 1000 : 0);

        Map<String, Object> archive = api.post("/api/audit/archives?before=" + before, Map.of());

        assertEquals(List.of(3, 1, 3), List.of(archive.get("records"), archive.get("fromSeq"), archive.get("throughSeq")));
        assertEquals(2, db.count("SELECT COUNT(*) FROM decision_audit"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_transition WHERE decision_id IN ('" + String.join("','", decisions) + "')"));
        java.nio.file.Path file = java.nio.file.Path.of((String) archive.get("file"));
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains(decisions.get(1)) && lines.get(1).contains("\"fired_rules\""), lines.get(1));
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file))), archive.get("fileSha256"));

        Map<String, Object> verified = api.get("/api/audit/verify");
        assertEquals(true, verified.get("intact"), verified.toString());
        assertEquals(2, verified.get("recordsChecked"));

        db.execute("UPDATE audit_archive SET last_hash = REPEAT('a', 64)");
        Map<String, Object> broken = api.get("/api/audit/verify");
        assertEquals(false, broken.get("intact"));
        assertTrue(((String) broken.get("problem")).contains("does not link to the last archived one (3)"), (String) broken.get("problem"));
        assertTrue(api.getRaw("/api/admin/events").contains("AUDIT_ARCHIVED"));
    }
}
