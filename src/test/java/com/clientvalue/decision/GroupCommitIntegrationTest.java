package com.clientvalue.decision;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Decisions of concurrent callers of one writer lane share one audit transaction (one block). With
 * one lane, the test holds its segment's head row locked from its own connection, so the first
 * decision's write waits for it; six more decisions queue up meanwhile. Released, the service
 * commits the first alone and the six together: two transactions for seven decisions, each answered
 * only once committed.
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "audit.segments-per-instance", value = "1")
class GroupCommitIntegrationTest extends HttpIntegrationTest {
    @Inject
    GroupCommit groupCommit;
    @Inject
    MeterRegistry meters;

    @Test
    void decisionsWaitingTogetherAreCommittedTogetherAndAnsweredAfterTheCommit() throws Exception {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,90\nB,b,IT,10\nC,c,IT,50\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1000\nB,O2,2011-10-01,10\n");
        api.post("/api/decisions", Map.of("clientId", "C", "asOf", "2011-12-09")); // the lane claims its segment
        DistributionSummary groups = meters.summary("decisions.group.commit");
        long transactionsBefore = groups.count();
        double decisionsBefore = groups.totalAmount();
        ExecutorService callers = Executors.newFixedThreadPool(7);
        try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("SELECT head_seq FROM audit_segment WHERE kind = 'LEDGER' FOR UPDATE").close();

            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"))));
            awaitWriteBlocked();
            for (String client : List.of("A", "B", "C", "B", "C", "A")) {
                answers.add(callers.submit(() -> api.post("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10"))));
            }
            await(() -> groupCommit.waiting() == 6);
            assertFalse(answers.stream().anyMatch(Future::isDone), "nothing is answered before its commit");
            assertEquals(1, db.count("SELECT COUNT(*) FROM decision_audit"), "nothing is committed while the segment's head is locked");

            holder.rollback();
            List<String> ids = new ArrayList<>();
            for (Future<Map<String, Object>> answer : answers) {
                ids.add((String) answer.get(30, TimeUnit.SECONDS).get("decisionId"));
            }
            assertEquals(7, ids.stream().distinct().count());
            assertEquals(8, db.count("SELECT COUNT(*) FROM decision_audit"));
            assertEquals(3, db.count("SELECT COUNT(*) FROM audit_block"), "the warm-up, the first, the six together");
        } finally {
            callers.shutdownNow();
        }
        assertEquals(2, groups.count() - transactionsBefore, "the first decision alone, then the six that waited");
        assertEquals(7.0, groups.totalAmount() - decisionsBefore);
        assertEquals(Boolean.TRUE, api.get("/api/audit/verify").get("intact"));
    }

    /**
     * Two writers that lock the same rows in opposite orders deadlock, and InnoDB rolls one back (a
     * Galera node reports a lost certification the same way). Here the test is the other writer: it
     * holds client A's latest-decision row, lets the service's write lock its segment's head and wait
     * for that row, then asks for the head itself. Having written more rows, the test's transaction
     * is the one InnoDB keeps: the service's write is rolled back, written again once the test lets
     * go, and answered; nothing of the first try remains.
     */
    @Test
    void aWriteThatLosesADeadlockIsWrittenAgainAndAnswered() throws Exception {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1000\n");
        api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-09")); // A's latest-decision row exists
        double retriesBefore = meters.counter("transactions.conflict.retries").count();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            other.setAutoCommit(false);
            // heavier than the service's write, so that InnoDB chooses that write as the victim
            other.createStatement().executeUpdate("INSERT INTO client (client_id, name, country, created_at, updated_at) "
                    + "SELECT CONCAT('DEADLOCK-', seq), 'x', 'IT', NOW(), NOW() FROM seq_1_to_2000");
            other.createStatement().executeQuery("SELECT * FROM latest_decision WHERE client_id = 'A' FOR UPDATE").close();
            Future<Map<String, Object>> answer = caller.submit(() -> api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10")));
            await(() -> "1".equals(db.text("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'INSERT INTO latest_decision%'")));
            // the cycle: the service's write holds the head and waits for A's row; the test asks for the head
            other.createStatement().executeQuery("SELECT head_seq FROM audit_segment WHERE kind = 'LEDGER' FOR UPDATE").close();
            assertFalse(answer.isDone(), "the write tried again waits for the head the test holds now");
            other.rollback();
            String decisionId = (String) answer.get(30, TimeUnit.SECONDS).get("decisionId");
            assertEquals(1, db.count("SELECT COUNT(*) FROM decision_audit WHERE decision_id = '" + decisionId + "'"));
        } finally {
            caller.shutdownNow();
        }
        assertEquals(1.0, meters.counter("transactions.conflict.retries").count() - retriesBefore, "written again once");
        assertEquals(2, db.count("SELECT COUNT(*) FROM decision_audit"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM audit_block"), "no block of the rolled-back try");
        assertEquals(0, db.count("SELECT COUNT(*) FROM client WHERE client_id LIKE 'DEADLOCK-%'"));
        assertEquals(Boolean.TRUE, api.get("/api/audit/verify").get("intact"));
    }

    // the first caller's transaction waits for its segment head row's lock
    private void awaitWriteBlocked() throws InterruptedException {
        await(() -> "1".equals(db.text("SELECT COUNT(*) FROM information_schema.processlist "
                + "WHERE info LIKE 'SELECT head_seq, head_hash, owner FROM audit_segment%'")));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}
