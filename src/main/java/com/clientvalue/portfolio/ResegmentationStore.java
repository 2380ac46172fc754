package com.clientvalue.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resegmentation jobs in MariaDB. A job's progress is read from its own audited decisions (clients
 * are decided in client_id order, a chunk per transaction), so it survives any restart exactly.
 */
@Singleton
@Connectable
class ResegmentationStore {
    static final Duration ORPHANED_AFTER = Duration.ofSeconds(30);
    private final JdbcOperations jdbc;
    private final Clock clock;

    ResegmentationStore(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A job as its caller sees it; rate in decisions per second, eta in seconds. */
    @Serdeable
    record JobView(long id, LocalDate asOf, String status, long done, long total, @Nullable BigDecimal ratePerSecond,
                   @Nullable Long etaSeconds, Instant createdAt, @Nullable Instant finishedAt, @Nullable String error,
                   @io.swagger.v3.oas.annotations.media.Schema(description = "REQUEST (POST by a person), SCHEDULE (the configured "
                           + "resegmentation.schedule) or IMPORT (imports that changed facts, resegmentation.after-import)")
                   String startedBy) {
    }

    /** How many clients a job moved from one value to another on a dimension (cluster, lifecycle, experience). */
    @Serdeable
    record Change(String dimension, @Nullable String from, @Nullable String to, long clients) {
    }

    long create(LocalDate asOf) {
        return create(asOf, "REQUEST");
    }

    long create(LocalDate asOf, String startedBy) {
        return jdbc.prepareStatement("INSERT INTO resegmentation_job (as_of, status, started_by, total, created_at) "
                + "SELECT ?, 'RUNNING', ?, COUNT(*), ? FROM client", statement -> {
            statement.setDate(1, Date.valueOf(asOf));
            statement.setString(2, startedBy);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.executeUpdate();
            return lastId();
        });
    }

    private long lastId() {
        return jdbc.prepareStatement("SELECT LAST_INSERT_ID()", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Takes the job for this instance unless another live instance runs it. */
    boolean claim(long id, String owner) {
        return jdbc.prepareStatement("UPDATE resegmentation_job SET owner = ?, heartbeat_at = ? WHERE id = ? AND status = 'RUNNING' "
                + "AND (owner IS NULL OR owner = ? OR heartbeat_at < ?)", statement -> {
            Instant now = clock.instant();
            statement.setString(1, owner);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setLong(3, id);
            statement.setString(4, owner);
            statement.setTimestamp(5, Timestamp.from(now.minus(ORPHANED_AFTER)));
            return statement.executeUpdate() == 1;
        });
    }

    List<Long> running() {
        return jdbc.prepareStatement("SELECT id FROM resegmentation_job WHERE status = 'RUNNING' ORDER BY id", statement -> {
            List<Long> ids = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** The next clients to decide: after the last one this job audited, in client_id order. */
    /** The last client the job's audit holds ("" before the first chunk): a job resumes after it. */
    String lastDecided(long id) {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(client_id), '') FROM decision_audit WHERE job_id = ?", statement -> {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    /** The next clients in client_id order after this one. */
    List<String> clientsAfter(String clientId, int limit) {
        return jdbc.prepareStatement("SELECT client_id FROM client WHERE client_id > ? ORDER BY client_id LIMIT ?", statement -> {
            statement.setString(1, clientId);
            statement.setInt(2, limit);
            List<String> ids = new ArrayList<>(limit);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    void finish(long id, String status, @Nullable String error) {
        jdbc.prepareStatement("UPDATE resegmentation_job SET status = ?, finished_at = ?, error = ?, owner = NULL WHERE id = ?",
                statement -> {
                    statement.setString(1, status);
                    statement.setTimestamp(2, Timestamp.from(clock.instant()));
                    statement.setString(3, error);
                    statement.setLong(4, id);
                    return statement.executeUpdate();
                });
    }

    Optional<JobView> find(long id) {
        // one pass over the index (job_id, client_id, decided_at); the audit rows themselves are not read
        return jdbc.prepareStatement("SELECT j.id, j.as_of, j.status, j.total, j.created_at, j.finished_at, j.error, "
                + "p.done, p.first_at, p.last_at, j.started_by FROM resegmentation_job j, "
                + "(SELECT COUNT(*) AS done, MIN(decided_at) AS first_at, MAX(decided_at) AS last_at "
                + "FROM decision_audit WHERE job_id = ?) p WHERE j.id = ?", statement -> {
            statement.setLong(1, id);
            statement.setLong(2, id);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<JobView>empty();
                }
                long done = rows.getLong(8);
                long total = rows.getLong(4);
                Timestamp first = rows.getTimestamp(9);
                Timestamp last = rows.getTimestamp(10);
                BigDecimal rate = null;
                Long eta = null;
                double seconds = first == null || last == null ? 0 : Duration.between(first.toInstant(), last.toInstant()).toNanos() / 1e9;
                // a job of a few clients may be decided within a millisecond: no rate then, rather than an infinite one
                if (seconds > 0.000_001) {
                    rate = BigDecimal.valueOf(done / seconds).setScale(1, RoundingMode.HALF_UP);
                    eta = rows.getString(3).equals("RUNNING") ? (long) Math.ceil(Math.max(0, total - done) / (done / seconds)) : 0L;
                }
                Timestamp finished = rows.getTimestamp(6);
                return Optional.of(new JobView(rows.getLong(1), rows.getDate(2).toLocalDate(), rows.getString(3), done, total,
                        rate, eta, rows.getTimestamp(5).toInstant(), finished == null ? null : finished.toInstant(), rows.getString(7),
                        rows.getString(11)));
            }
        });
    }

    /** The newest jobs first, at most {@code limit}. */
    List<JobView> newest(int limit) {
        List<Long> ids = jdbc.prepareStatement("SELECT id FROM resegmentation_job ORDER BY id DESC LIMIT ?", statement -> {
            statement.setInt(1, limit);
            List<Long> found = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        });
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** What the job changed: its decisions' transitions (against each client's decision before), counted per dimension, from and to. */
    List<Change> changes(long id) {
        return jdbc.prepareStatement("SELECT t.dimension, t.from_value, t.to_value, COUNT(*) FROM decision_audit a "
                + "JOIN decision_transition t ON t.decision_id = a.decision_id WHERE a.job_id = ? "
                + "GROUP BY t.dimension, t.from_value, t.to_value ORDER BY t.dimension, COUNT(*) DESC, t.from_value, t.to_value", statement -> {
            statement.setLong(1, id);
            List<Change> changes = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
                }
            }
            return changes;
        });
    }

}
