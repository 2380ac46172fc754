package com.clientvalue.common;

import com.clientvalue.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two transactions that lock two rows in opposite orders deadlock for real in MariaDB: the one
 * InnoDB rolls back is run again by {@link ConflictRetry} and both succeed, each exactly once.
 */
@MicronautTest(transactional = false)
class ConflictRetryIntegrationTest {
    @Inject
    TestDatabase db;
    @Inject
    Crossing crossing;
    @Inject
    MeterRegistry meters;

    @Singleton
    static class Crossing {
        final JdbcOperations jdbc;
        final AtomicInteger calls = new AtomicInteger();
        volatile CyclicBarrier bothHoldOneRow;

        Crossing(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        /** Adds one to row {@code first}, waits until the other caller holds its first row (first try only), then to {@code second}. */
        @Transactional
        public void add(int first, int second, boolean[] waited) throws Exception {
            calls.incrementAndGet();
            bump(first);
            if (!waited[0]) {
                waited[0] = true;
                bothHoldOneRow.await(10, TimeUnit.SECONDS);
            }
            bump(second);
        }

        /** Always loses: a transaction that fails every time with a lock wait timeout. */
        @Transactional
        public void alwaysConflicting() {
            calls.incrementAndGet();
            throw new RuntimeException(new java.sql.SQLTransactionRollbackException("Deadlock found", "40001", 1213));
        }

        private void bump(int id) {
            jdbc.prepareStatement("UPDATE conflict_probe SET n = n + 1 WHERE id = ?", statement -> {
                statement.setInt(1, id);
                return statement.executeUpdate();
            });
        }
    }

    @BeforeEach
    void rows() {
        db.execute("CREATE TABLE IF NOT EXISTS conflict_probe (id INT NOT NULL PRIMARY KEY, n INT NOT NULL)");
        db.execute("DELETE FROM conflict_probe");
        db.execute("INSERT INTO conflict_probe VALUES (1, 0), (2, 0)");
        crossing.calls.set(0);
        crossing.bothHoldOneRow = new CyclicBarrier(2);
    }

    @AfterEach
    void drop() {
        db.execute("DROP TABLE IF EXISTS conflict_probe");
    }

    @Test
    void aDeadlockedTransactionIsRunAgainAndBothSucceed() throws Exception {
        double retriesBefore = meters.counter("transactions.conflict.retries").count();
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> run(1, 2));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> run(2, 1));
        one.get(30, TimeUnit.SECONDS);
        other.get(30, TimeUnit.SECONDS);

        assertEquals(3, crossing.calls.get(), "one of the two was rolled back by InnoDB and run once more");
        assertEquals(1.0, meters.counter("transactions.conflict.retries").count() - retriesBefore);
        assertEquals(2, db.count("SELECT n FROM conflict_probe WHERE id = 1"), "each transaction counted once: the lost try left nothing");
        assertEquals(2, db.count("SELECT n FROM conflict_probe WHERE id = 2"));
    }

    @Test
    void aTransactionThatLosesEveryTimeFailsAfterItsLastTry() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> crossing.alwaysConflicting());
        assertTrue(TransientConflict.is(failure));
        assertEquals(ConflictRetry.ATTEMPTS, crossing.calls.get());
    }

    private void run(int first, int second) {
        try {
            crossing.add(first, second, new boolean[1]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
