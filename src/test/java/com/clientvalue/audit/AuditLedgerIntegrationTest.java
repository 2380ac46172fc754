package com.clientvalue.audit;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit ledger: blocks, segments, signed checkpoints and proofs hold after decisions, and each
 * kind of tampering a database administrator could do is detected and named: one document, one
 * index row, one block link, one checkpoint, the newest blocks removed, and a whole segment rewritten
 * consistently (every hash recomputed) after a checkpoint was signed.
 */
@MicronautTest(transactional = false)
class AuditLedgerIntegrationTest extends HttpIntegrationTest {
    @Inject
    AuditKey key;
    Api api;
    List<String> decisions;

    @BeforeEach
    void fiveDecisions() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,90\nB,b,IT,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1000\nB,O2,2011-10-01,10\n");
        decisions = new ArrayList<>();
        for (String client : List.of("A", "B", "A")) {
            decisions.add((String) api.post("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10")).get("decisionId"));
        }
        api.postRaw("/api/decisions/batch", Map.of("clientIds", List.of("A", "B"), "asOf", "2011-12-11"));
    }

    @Test
    void anUntouchedLedgerVerifiesWithTheDocumentsAsAnswered() {
        Map<String, Object> result = api.get("/api/audit/verify");

        assertEquals(true, result.get("intact"), String.valueOf(result.get("problem")));
        assertEquals(5, result.get("recordsChecked"));
        assertEquals(4, result.get("blocksChecked"), "three single decisions and one batch: four writes, four blocks");
        assertEquals(4, db.count("SELECT COUNT(DISTINCT segment_id, block_seq) FROM decision_audit"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit WHERE decision IS NOT NULL"), "documents live apart, compressed");
        String first = decisions.get(0);
        assertEquals(api.getRaw("/api/audit/decisions/" + first), trailDocument(first), "the document as answered, byte for byte");
        long stored = db.count("SELECT LENGTH(body) FROM decision_document WHERE decision_id = '" + first + "'");
        assertTrue(stored < api.getRaw("/api/audit/decisions/" + first).length() / 2, "compressed: " + stored + " bytes");
    }

    private String trailDocument(String id) {
        return DocumentCodec.decompress(Base64Bytes.of(db.text("SELECT TO_BASE64(body) FROM decision_document WHERE decision_id = '" + id + "'")));
    }

    @Test
    void aDocumentSwappedInMariaDbNamesTheDecision() {
        String second = decisions.get(1);
        db.execute("UPDATE decision_document SET body = (SELECT body FROM (SELECT body FROM decision_document WHERE decision_id = '"
                + decisions.get(0) + "') x) WHERE decision_id = '" + second + "'");

        Map<String, Object> result = api.get("/api/audit/verify");

        assertEquals(false, result.get("intact"));
        assertEquals(second, result.get("firstBrokenDecisionId"));
        assertTrue(((String) result.get("problem")).contains("its content does not match its record hash"), (String) result.get("problem"));
    }

    @Test
    void anIndexRowChangedIsDetectedAndRestoredItVerifiesAgain() {
        String third = decisions.get(2);
        String cluster = db.text("SELECT cluster FROM decision_audit WHERE decision_id = '" + third + "'");
        db.execute("UPDATE decision_audit SET cluster = 'DEVELOP', fired_set = fired_set WHERE decision_id = '" + third + "'");
        Map<String, Object> changed = api.get("/api/audit/verify");
        assertEquals(third, changed.get("firstBrokenDecisionId"));

        db.execute("UPDATE decision_audit SET cluster = '" + cluster + "' WHERE decision_id = '" + third + "'");
        assertEquals(true, api.get("/api/audit/verify").get("intact"), "restored exactly, it verifies again");

        db.execute("UPDATE decision_audit SET what_if = TRUE WHERE decision_id = '" + third + "'");
        assertEquals(third, api.get("/api/audit/verify").get("firstBrokenDecisionId"), "what_if is part of the record");
    }

    @Test
    void aBlockLinkOrHeaderChangedOrADecisionRemovedIsNamed() {
        int segment = (int) db.count("SELECT segment_id FROM decision_audit WHERE decision_id = '" + decisions.get(0) + "'");
        db.execute("UPDATE audit_block SET merkle_root = REPEAT('b', 64) WHERE segment_id = " + segment + " AND block_seq = 1");
        assertTrue(problem().contains("block 1 of segment " + segment + ": its header does not match its hash"), problem());
        db.clear();
        fiveDecisions();

        String batchDecision = db.text("SELECT decision_id FROM decision_audit WHERE job_id IS NULL AND as_of = '2011-12-11' LIMIT 1");
        db.execute("DELETE FROM decision_document WHERE decision_id = '" + batchDecision + "'");
        db.execute("DELETE FROM decision_transition WHERE decision_id = '" + batchDecision + "'");
        db.execute("DELETE FROM latest_decision WHERE decision_id = '" + batchDecision + "'");
        db.execute("DELETE FROM decision_audit WHERE decision_id = '" + batchDecision + "'");
        assertTrue(problem().contains("holds 2 decisions but 1 are stored") || problem().contains("decision 0 of the block is missing"),
                problem());
    }

    @Test
    void theNewestBlocksRemovedAreSeenAgainstTheSegmentHead() {
        String last = decisions.get(2);
        db.execute("DELETE FROM decision_transition WHERE decision_id = '" + last + "'");
        db.execute("DELETE FROM latest_decision WHERE decision_id = '" + last + "'");
        db.execute("DELETE FROM decision_document WHERE decision_id = '" + last + "'");
        db.execute("DELETE b FROM audit_block b JOIN decision_audit a ON a.segment_id = b.segment_id AND a.block_seq = b.block_seq "
                + "WHERE a.decision_id = '" + last + "'");
        db.execute("DELETE FROM decision_audit WHERE decision_id = '" + last + "'");

        assertTrue(problem().contains("the newest blocks were removed"), problem());
    }

    @Test
    void noCheckpointIsSignedOverASegmentWhoseBlocksAreMissingOrWentBack() {
        api.post("/api/audit/checkpoints", Map.of());
        int segment = (int) db.count("SELECT segment_id FROM decision_audit WHERE decision_id = '" + decisions.get(2) + "'");
        long head = db.count("SELECT head_seq FROM audit_segment WHERE segment_id = " + segment);

        // a head that names a block nobody wrote
        db.execute("UPDATE audit_segment SET head_seq = head_seq + 2 WHERE segment_id = " + segment);
        Api.Problem ahead = api.problem(HttpRequest.POST("/api/audit/checkpoints", Map.of()));
        assertEquals(409, ahead.status());
        assertEquals("/problems/audit-not-intact", ahead.body().get("type"));
        assertEquals("segment " + segment + " names block " + (head + 2) + " as its head, but 2 of its blocks " + (head + 1) + " to "
                + (head + 2) + " are missing; no checkpoint was signed (GET /api/audit/verify names what changed)", ahead.detail());

        // a head moved back behind the one the first checkpoint signed
        db.execute("UPDATE audit_segment SET head_seq = " + (head - 1) + " WHERE segment_id = " + segment);
        Api.Problem behind = api.problem(HttpRequest.POST("/api/audit/checkpoints", Map.of()));
        assertEquals(409, behind.status());
        assertTrue(behind.detail().startsWith("segment " + segment + " ends at block " + (head - 1) + ", before block " + head
                + " that checkpoint 1 signed: blocks were removed"), behind.detail());

        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_checkpoint"), "neither was signed");
        db.execute("UPDATE audit_segment SET head_seq = " + head + " WHERE segment_id = " + segment);
        assertEquals(2, api.post("/api/audit/checkpoints", Map.of()).get("id"), "restored, it is signed again");
    }

    @Test
    void aChangedCheckpointFailsItsHashAndAForgedOneItsSignature() {
        Map<String, Object> made = api.post("/api/audit/checkpoints", Map.of());
        assertEquals(1, made.get("id"));
        assertEquals(true, api.get("/api/audit/verify").get("intact"));

        db.execute("UPDATE audit_checkpoint SET created_by = 'someone else'");
        assertTrue(problem().contains("checkpoint 1: its content does not match its hash"), problem());

        // recomputed hash, same signature: only the key could sign it
        Checkpoint stored = checkpoint();
        Checkpoint forged = Checkpoint.unsigned(stored.id(), stored.createdAt(), "someone else", stored.previousHash(), stored.heads())
                .signed(stored.keyId(), stored.signature());
        db.execute("UPDATE audit_checkpoint SET checkpoint_hash = '" + forged.hash() + "'");
        assertTrue(problem().contains("checkpoint 1: its signature does not hold"), problem());
    }

    @Test
    void aWholeSegmentRewrittenConsistentlyPassesItsOwnHashesButNotTheCheckpointSignedBefore() throws Exception {
        api.post("/api/audit/checkpoints", Map.of());
        String victim = decisions.get(0);
        int segment = (int) db.count("SELECT segment_id FROM decision_audit WHERE decision_id = '" + victim + "'");

        rewrite(segment, victim);

        Map<String, Object> result = api.get("/api/audit/verify");
        assertEquals(false, result.get("intact"));
        assertTrue(((String) result.get("problem")).contains("is not the block checkpoint 1 signed: the segment was rewritten"),
                (String) result.get("problem"));

        // without the checkpoint the rewrite would have gone unseen: that is what the signature adds
        db.execute("DELETE FROM audit_checkpoint_segment");
        db.execute("DELETE FROM audit_checkpoint");
        assertEquals(true, api.get("/api/audit/verify").get("intact"));
    }

    /** What a capable administrator would do: change a decision and recompute every hash after it, block links and head included. */
    private void rewrite(int segment, String victim) {
        db.execute("UPDATE decision_audit SET cluster = IF(cluster = 'KEY', 'MARGINAL', 'KEY') WHERE decision_id = '" + victim + "'");
        String previous = LedgerHash.GENESIS;
        long blocks = db.count("SELECT MAX(block_seq) FROM audit_block WHERE segment_id = " + segment);
        for (long seq = 1; seq <= blocks; seq++) {
            String where = " WHERE segment_id = " + segment + " AND block_seq = " + seq;
            List<String> hashes = new ArrayList<>();
            for (String id : db.text("SELECT GROUP_CONCAT(decision_id ORDER BY leaf_index) FROM decision_audit" + where).split(",")) {
                LedgerRecord record = record(id);
                db.execute("UPDATE decision_audit SET record_hash = '" + record.recordHash() + "' WHERE decision_id = '" + id + "'");
                hashes.add(record.recordHash());
            }
            String root = LedgerHash.merkleRoot(hashes);
            java.time.Instant writtenAt = java.time.Instant.parse(db.text("SELECT DATE_FORMAT(written_at, '%Y-%m-%dT%H:%i:%s.%fZ') FROM audit_block"
                    + where));
            String hash = LedgerHash.block(segment, seq, previous, root, hashes.size(), writtenAt);
            db.execute("UPDATE audit_block SET prev_hash = '" + previous + "', merkle_root = '" + root + "', block_hash = '" + hash + "'"
                    + where);
            previous = hash;
        }
        db.execute("UPDATE audit_segment SET head_hash = '" + previous + "' WHERE segment_id = " + segment);
    }

    private LedgerRecord record(String id) {
        String[] f = db.text("SELECT CONCAT_WS('|', decision_id, client_id, as_of, rule_version, DATE_FORMAT(decided_at, "
                + "'%Y-%m-%dT%H:%i:%s.%fZ'), kind, what_if, COALESCE(job_id, ''), COALESCE(cluster, ''), COALESCE(lifecycle, ''), "
                + "COALESCE(experience_segment, ''), COALESCE(last_active_cluster, ''), fired_set) FROM decision_audit WHERE decision_id = '"
                + id + "'").split("\\|", -1);
        return new LedgerRecord(f[0], f[1], java.time.LocalDate.parse(f[2]), f[3], java.time.Instant.parse(f[4]), f[5], f[6].equals("1"),
                f[7].isEmpty() ? null : Long.valueOf(f[7]), blank(f[8]), blank(f[9]), blank(f[10]), blank(f[11]), f[12], trailDocument(id));
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    @Test
    void aProofIsCheckedWithThePublicKeyAloneAndATamperedProofIsNot() throws Exception {
        String id = decisions.get(1);
        Map<String, Object> early = api.get("/api/audit/decisions/" + id + "/proof");
        assertNull(early.get("checkpoint"), "no checkpoint covers it yet");

        api.post("/api/audit/checkpoints", Map.of());
        String proof = api.getRaw("/api/audit/decisions/" + id + "/proof");
        Path keyFile = Files.writeString(Files.createTempFile("audit", ".pub.pem"), api.getRaw("/api/audit/public-key"));
        Path proofFile = Files.writeString(Files.createTempFile("proof", ".json"), proof);

        assertEquals("0 intact", verify(proofFile, keyFile));

        Path tampered = Files.writeString(Files.createTempFile("proof", ".json"), proof.replaceFirst("\"cluster\":\"[A-Z]+\"", "\"cluster\":\"KEY2\""));
        assertTrue(verify(tampered, keyFile).startsWith("1 NOT INTACT: decision " + id + ": its content does not match its record hash"),
                verify(tampered, keyFile));

        Path otherKey = Files.createTempFile("other", ".pub.pem");
        java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(otherKey, "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertTrue(verify(proofFile, otherKey).contains("not by the audit key"), verify(proofFile, otherKey));
    }

    @Test
    void anExportVerifiesStandaloneAndNamesWhatWasChanged() throws Exception {
        api.post("/api/audit/checkpoints", Map.of());
        api.post("/api/decisions", Map.of("clientId", "B", "asOf", "2011-12-12")); // after the checkpoint: not covered yet, still checked
        Path keyFile = Files.writeString(Files.createTempFile("audit", ".pub.pem"), key.publicKeyPem());

        assertEquals("0 intact", verify(export(), keyFile));

        String victim = decisions.get(0);
        int segment = (int) db.count("SELECT segment_id FROM decision_audit WHERE decision_id = '" + victim + "'");
        rewrite(segment, victim);
        assertTrue(verify(export(), keyFile).contains("the segment was rewritten"));
    }

    @Test
    void concurrentWritersUseSeveralSegmentsAndEveryDecisionIsInExactlyOneBlock() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String client = i % 2 == 0 ? "A" : "B";
                answers.add(callers.submit(() -> api.post("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10"))));
            }
            for (Future<Map<String, Object>> answer : answers) {
                assertNotNull(answer.get().get("decisionId"));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(45, db.count("SELECT COUNT(*) FROM decision_audit"));
        assertEquals(45, db.count("SELECT SUM(decisions) FROM audit_block"));
        assertTrue(db.count("SELECT COUNT(DISTINCT segment_id) FROM audit_block") >= 2, "written to several segments at once");
        Map<String, Object> result = api.get("/api/audit/verify");
        assertEquals(true, result.get("intact"), String.valueOf(result.get("problem")));
        assertEquals(45, result.get("recordsChecked"));
    }

    @Test
    void archivedBlocksLeaveTheirHeadersAndTheRestVerifies() throws Exception {
        String cutoff = db.text("SELECT DATE_FORMAT(MAX(written_at), '%Y-%m-%dT%H:%i:%s.%fZ') FROM audit_block WHERE block_seq IN "
                + "(SELECT block_seq FROM decision_audit WHERE decision_id = '" + decisions.get(2) + "') AND segment_id IN "
                + "(SELECT segment_id FROM decision_audit WHERE decision_id = '" + decisions.get(2) + "')");
        Map<String, Object> archive = api.post("/api/audit/archives?before=" + cutoff, Map.of());

        assertEquals(2, archive.get("ledgerBlocks"), "the first two blocks were written before the third decision's");
        assertEquals(2, archive.get("records"));
        assertEquals(3, db.count("SELECT COUNT(*) FROM decision_audit"));
        assertEquals(4, db.count("SELECT COUNT(*) FROM audit_block"), "headers stay");
        Path file = Path.of((String) archive.get("file"));
        String lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(lines.contains(decisions.get(0)) && lines.contains(decisions.get(1)) && lines.contains("\"record_hash\""), lines);
        Map<String, Object> verified = api.get("/api/audit/verify");
        assertEquals(true, verified.get("intact"), String.valueOf(verified.get("problem")));
        assertEquals(3, verified.get("recordsChecked"));
    }

    private Path export() throws Exception {
        byte[] body = http.toBlocking().retrieve(HttpRequest.GET("/api/audit/export"), byte[].class);
        return Files.write(Files.createTempFile("audit-export", ".jsonl.gz"), body);
    }

    private static String verify(Path file, Path key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(new String[]{"verify-audit", file.toString(), "--public-key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse("") + err.toString(StandardCharsets.UTF_8);
        return code + " " + said.trim();
    }

    private String problem() {
        Object problem = api.get("/api/audit/verify").get("problem");
        return problem == null ? "(intact)" : (String) problem;
    }

    private Checkpoint checkpoint() {
        String[] f = db.text("SELECT CONCAT_WS('|', checkpoint_id, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ'), created_by, previous_hash, "
                + "heads, segments_root, checkpoint_hash, key_id, signature) FROM audit_checkpoint").split("\\|");
        return new Checkpoint(Long.parseLong(f[0]), java.time.Instant.parse(f[1]), f[2], f[3], Checkpoint.parseHeads(f[4]), f[5], f[6],
                f[7], f[8]);
    }

    private static final class Base64Bytes {
        static byte[] of(String base64) {
            return java.util.Base64.getMimeDecoder().decode(base64);
        }
    }
}
