package com.clientvalue.audit;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An audit written before the ledger (V22) stays verifiable: its hash chain becomes the closed
 * legacy segment 0, its documents stay where they were, every checkpoint covers its head, and a
 * rewrite of that chain after a checkpoint was signed is detected.
 */
@MicronautTest(transactional = false)
class AuditLedgerMigrationTest extends HttpIntegrationTest {
    private static final String SCHEMA = "migration_v22_check";

    @AfterEach
    void dropSchema() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @Test
    void theMigrationMakesThePreLedgerChainTheLegacySegmentAndKeepsItsDocuments() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        db.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
        String url = db.jdbcUrl();
        String server = url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()));
        Flyway flyway = Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").load();
        String before = java.util.Arrays.stream(flyway.info().all()).map(m -> m.getVersion())
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("22")) < 0).max(Comparable::compareTo).orElseThrow().getVersion();
        Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").target(before).load().migrate();
        legacy(SCHEMA + ".", "d1", "d2");

        flyway.migrate();

        assertEquals("LEGACY 2 " + head(SCHEMA + "."), db.text("SELECT CONCAT_WS(' ', kind, head_seq, head_hash) FROM " + SCHEMA
                + ".audit_segment WHERE segment_id = 0"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM " + SCHEMA + ".decision_audit WHERE decision IS NOT NULL AND chain_seq IS NOT NULL"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM " + SCHEMA + ".audit_block"));
    }

    @Test
    void legacyDecisionsVerifyAreCoveredByCheckpointsAndARewriteOfTheirChainIsDetected() throws Exception {
        db.clear();
        Api api = api();
        legacy("", "legacy-1", "legacy-2");
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,90\n");
        api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"));

        Map<String, Object> verified = api.get("/api/audit/verify");
        assertEquals(true, verified.get("intact"), String.valueOf(verified.get("problem")));
        assertEquals(3, verified.get("recordsChecked"), "two legacy records and one in a block");
        assertEquals("{\"outcome\":{\"cluster\":\"KEY\"},\"n\":1}", api.getRaw("/api/audit/decisions/legacy-1"), "the legacy document as stored");
        assertEquals(409, api.problem(io.micronaut.http.HttpRequest.GET("/api/audit/decisions/legacy-1/proof")).status());

        Map<String, Object> checkpoint = api.post("/api/audit/checkpoints", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> legacyHead = ((List<Map<String, Object>>) checkpoint.get("heads")).get(0);
        assertEquals(List.of(0, "LEGACY", 2, head("")), List.of(legacyHead.get("segment"), legacyHead.get("kind"), legacyHead.get("head"),
                legacyHead.get("headHash")));

        // rewritten consistently: the chain holds by itself, its head row too, but not the checkpoint
        db.execute("DELETE FROM decision_audit WHERE chain_seq IS NOT NULL");
        db.execute("UPDATE audit_chain_head SET seq = 0, hash = REPEAT('0', 64)");
        legacy("", "legacy-1", "legacy-2", "MARGINAL");
        Map<String, Object> rewritten = api.get("/api/audit/verify");
        assertEquals(false, rewritten.get("intact"));
        assertTrue(((String) rewritten.get("problem")).contains("the legacy chain was rewritten"), (String) rewritten.get("problem"));
    }

    private void legacy(String schema, String first, String second) {
        legacy(schema, first, second, "KEY");
    }

    /** Two decisions as the pre-ledger service wrote them: chained, the documents in the row. */
    private void legacy(String schema, String first, String second, String cluster) {
        String set = FiredRuleSets.id(List.of());
        db.execute("INSERT IGNORE INTO " + schema + "fired_rule_set (set_id, rule_count) VALUES ('" + set + "', 0)");
        String previous = AuditChain.GENESIS;
        long seq = 0;
        for (String id : List.of(first, second)) {
            seq++;
            String document = "{\"outcome\":{\"cluster\":\"" + cluster + "\"},\"n\":" + seq + "}";
            Instant decidedAt = Instant.parse("2026-01-0" + seq + "T10:00:00Z");
            String hash = AuditChain.link(previous, AuditChain.canonical(id, "OLD" + seq, LocalDate.parse("2011-12-10"), "v1", decidedAt,
                    "CLIENT", null, cluster, "ACTIVE", null, document));
            db.execute("INSERT INTO " + schema + "decision_audit (decision_id, client_id, as_of, rule_version, decided_at, kind, cluster, "
                    + "lifecycle, decision, fired_set, chain_seq, prev_hash, record_hash) VALUES ('" + id + "', 'OLD" + seq + "', "
                    + "'2011-12-10', 'v1', '2026-01-0" + seq + " 10:00:00', 'CLIENT', '" + cluster + "', 'ACTIVE', '" + document + "', '"
                    + set + "', " + seq + ", '" + previous + "', '" + hash + "')");
            previous = hash;
        }
        db.execute("UPDATE " + schema + "audit_chain_head SET seq = 2, hash = '" + previous + "' WHERE id = 1");
    }

    private String head(String schema) {
        return db.text("SELECT hash FROM " + schema + "audit_chain_head WHERE id = 1");
    }
}
