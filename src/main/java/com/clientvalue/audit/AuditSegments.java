package com.clientvalue.audit;

import com.clientvalue.common.ConflictRetry;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The ledger segments this instance writes to: one per writer lane, claimed with a lease that a
 * heartbeat renews, so that instances sharing a database never write to the same chain head and a
 * dead instance's segments are taken over once its lease ran out. The lease only keeps writers apart:
 * a block is always appended under the lock of its segment's head row, so a late writer can never
 * fork a chain.
 */
@Singleton
public class AuditSegments {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ConflictRetry conflicts;
    private final Duration lease;
    private final Integer[] claimed;
    private final String owner = "instance-" + UUID.randomUUID();

    AuditSegments(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock, ConflictRetry conflicts,
                  @Value("${audit.segments-per-instance:0}") int lanes, @Value("${audit.segment-lease:60s}") Duration lease) {
        this.conflicts = conflicts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
        // 0: one lane per core. Writes cost CPU (the service's and MariaDB's), so more lanes than cores
        // only split the group commits into smaller ones, each paying the same statements
        this.claimed = new Integer[lanes > 0 ? lanes : Runtime.getRuntime().availableProcessors()];
    }

    /** How many lanes write at once. */
    public int lanes() {
        return claimed.length;
    }

    /** The segment of this lane, claimed (or created) in a transaction of its own the first time. */
    public int segment(int lane) {
        synchronized (claimed) {
            if (claimed[lane] == null) {
                claimed[lane] = conflicts.run("audit segment claim", () -> transactions.executeWrite(status -> claim()));
            }
            return claimed[lane];
        }
    }

    /** Forget a lane's segment (it was taken over): the next write claims one again. */
    void lost(int segment) {
        synchronized (claimed) {
            for (int i = 0; i < claimed.length; i++) {
                if (claimed[i] != null && claimed[i] == segment) {
                    claimed[i] = null;
                }
            }
        }
    }

    String owner() {
        return owner;
    }

    private int claim() {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        Integer free = jdbc.prepareStatement("SELECT segment_id FROM audit_segment WHERE kind = 'LEDGER' AND (owner IS NULL OR "
                + "lease_until < ?) ORDER BY segment_id LIMIT 1 FOR UPDATE SKIP LOCKED", statement -> {
            statement.setTimestamp(1, now);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        });
        if (free != null) {
            jdbc.prepareStatement("UPDATE audit_segment SET owner = ?, lease_until = ? WHERE segment_id = ?", statement -> {
                statement.setString(1, owner);
                statement.setTimestamp(2, until);
                statement.setInt(3, free);
                return statement.executeUpdate();
            });
            return free;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbc.prepareStatement("INSERT INTO audit_segment (segment_id, kind, owner, lease_until, head_seq, head_hash, "
                        + "created_at) SELECT COALESCE(MAX(segment_id), 0) + 1, 'LEDGER', ?, ?, 0, ?, ? FROM audit_segment "
                        + "RETURNING segment_id", statement -> {
                    statement.setString(1, owner);
                    statement.setTimestamp(2, until);
                    statement.setString(3, LedgerHash.GENESIS);
                    statement.setTimestamp(4, now);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    }
                });
            } catch (RuntimeException e) {
                if (attempt >= 5 || !(rootCause(e) instanceof SQLIntegrityConstraintViolationException)) {
                    throw e; // another instance created the same number meanwhile: take the next one
                }
            }
        }
    }

    @Scheduled(fixedDelay = "${audit.segment-heartbeat:20s}", initialDelay = "${audit.segment-heartbeat:20s}")
    void renew() {
        // run from here, not through a @Transactional method: ConflictRetry runs it again when it loses a conflict
        conflicts.run("audit segment lease", () -> transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE audit_segment SET lease_until = ? WHERE owner = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant().plus(lease)));
            statement.setString(2, owner);
            return statement.executeUpdate();
        })));
    }


    @PreDestroy
    void release() {
        try {
            transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE audit_segment SET owner = NULL, lease_until = NULL WHERE owner = ?", statement -> {
            statement.setString(1, owner);
            return statement.executeUpdate();
        }));
        } catch (RuntimeException e) {
            // the database may be gone at shutdown: the lease runs out instead
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
