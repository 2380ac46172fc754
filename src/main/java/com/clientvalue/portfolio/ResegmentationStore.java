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
 * Resegmentation jobs in MariaDB. A job's clients are cut into chunks that the instances claim; a
 * chunk is audited in one transaction that also marks it done, so progress survives any restart
 * exactly and no client is decided twice. A job's progress is read from its own audited decisions.
 */
@Singleton
@Connectable
class ResegmentationStore {
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
                   String startedBy,
                   @io.swagger.v3.oas.annotations.media.Schema(description = "the instances that decided the job's chunks so far: "
                           + "instances on one database share a job")
                   List<Worker> instances) {
    }

    /** How many clients a job moved from one value to another on a dimension (cluster, lifecycle, experience). */
    @Serdeable
    record Change(String dimension, @Nullable String from, @Nullable String to, long clients) {
    }

    long create(LocalDate asOf) {
        return create(asOf, "REQUEST");
    }

    /** A job and its chunks, in one transaction: any instance may claim a chunk once it is committed. */
    @io.micronaut.transaction.annotation.Transactional
    long create(LocalDate asOf, String startedBy) {
        long id = jdbc.prepareStatement("INSERT INTO resegmentation_job (as_of, status, started_by, total, created_at) "
                + "SELECT ?, 'RUNNING', ?, COUNT(*), ? FROM client", statement -> {
            statement.setDate(1, Date.valueOf(asOf));
            statement.setString(2, startedBy);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.executeUpdate();
            return lastId();
        });
        addChunks(id, "");
        return id;
    }

    /** One chunk of a job's clients: those after {@code after} up to {@code last} (null: all the rest). */
    record Chunk(long jobId, int chunkNo, String after, @Nullable String last) {
    }

    /**
     * Cuts the clients after {@code from} into chunks of {@link Resegmentation#CHUNK}, the last one open
     * (it takes clients imported meanwhile), numbered after the job's existing chunks.
     */
    void addChunks(long jobId, String from) {
        List<String> bounds = jdbc.prepareStatement("SELECT client_id FROM (SELECT client_id, ROW_NUMBER() OVER (ORDER BY client_id) AS n "
                + "FROM client WHERE client_id > ?) c WHERE MOD(n, ?) = 0 ORDER BY client_id", statement -> {
            statement.setString(1, from);
            statement.setInt(2, Resegmentation.CHUNK);
            List<String> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
        jdbc.prepareStatement("INSERT INTO resegmentation_chunk (job_id, chunk_no, after_client, last_client, status) "
                + "VALUES (?, ?, ?, ?, 'PENDING')", statement -> {
            String after = from;
            for (int i = 0; i <= bounds.size(); i++) {
                statement.setLong(1, jobId);
                statement.setInt(2, i + 1);
                statement.setString(3, after);
                statement.setString(4, i < bounds.size() ? bounds.get(i) : null);
                statement.addBatch();
                after = i < bounds.size() ? bounds.get(i) : after;
            }
            return statement.executeBatch();
        });
    }

    /** Jobs still running that have no chunks (started before chunks existed): chunked from where their audit ends. */
    @io.micronaut.transaction.annotation.Transactional
    void chunkUnchunkedJobs() {
        for (long id : running()) {
            boolean chunked = jdbc.prepareStatement("SELECT 1 FROM resegmentation_chunk WHERE job_id = ? LIMIT 1", statement -> {
                statement.setLong(1, id);
                try (var rows = statement.executeQuery()) {
                    return rows.next();
                }
            });
            if (!chunked) {
                addChunks(id, lastDecided(id));
            }
        }
    }

    /**
     * The first chunk nobody holds (pending, or whose holder's lease ran out), taken by {@code owner}
     * for {@code lease}. Instances on one MariaDB skip each other's locked rows; on Galera two nodes may
     * pick the same chunk, and the claim that loses the certification is run again (ConflictRetry) and
     * takes the next one.
     */
    @io.micronaut.transaction.annotation.Transactional
    Optional<Chunk> claimChunk(String owner, Duration lease) {
        Instant now = clock.instant();
        Optional<Chunk> free = jdbc.prepareStatement("SELECT job_id, chunk_no, after_client, last_client FROM resegmentation_chunk "
                + "WHERE status = 'PENDING' OR (status = 'CLAIMED' AND lease_until < ?) ORDER BY job_id, chunk_no LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Chunk(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4)))
                        : Optional.<Chunk>empty();
            }
        });
        free.ifPresent(chunk -> jdbc.prepareStatement("UPDATE resegmentation_chunk SET status = 'CLAIMED', owner = ?, lease_until = ?, "
                + "claims = claims + 1 WHERE job_id = ? AND chunk_no = ?", statement -> {
            statement.setString(1, owner);
            statement.setTimestamp(2, Timestamp.from(now.plus(lease)));
            statement.setLong(3, chunk.jobId());
            statement.setInt(4, chunk.chunkNo());
            return statement.executeUpdate();
        }));
        return free;
    }

    /** A chunk's clients, in client_id order. */
    List<String> clients(Chunk chunk) {
        return jdbc.prepareStatement("SELECT client_id FROM client WHERE client_id > ?" + (chunk.last() == null ? "" : " AND client_id <= ?")
                + " ORDER BY client_id", statement -> {
            statement.setString(1, chunk.after());
            if (chunk.last() != null) {
                statement.setString(2, chunk.last());
            }
            List<String> ids = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /** Another instance took the chunk over (this one's lease ran out): this one's decisions of it are not kept. */
    static final class ChunkTakenOver extends RuntimeException {
        ChunkTakenOver(Chunk chunk) {
            super("chunk " + chunk.chunkNo() + " of job " + chunk.jobId() + " is held by another instance now");
        }
    }

    /**
     * Marks the chunk done by {@code owner}; run in the transaction that audits its decisions, so
     * that they are kept only if this instance still holds it (else {@link ChunkTakenOver} rolls it back).
     */
    void completeChunk(Chunk chunk, String owner, int decided) {
        int marked = jdbc.prepareStatement("UPDATE resegmentation_chunk SET status = 'DONE', decided = ?, done_at = ?, lease_until = NULL "
                + "WHERE job_id = ? AND chunk_no = ? AND status = 'CLAIMED' AND owner = ?", statement -> {
            statement.setInt(1, decided);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setLong(3, chunk.jobId());
            statement.setInt(4, chunk.chunkNo());
            statement.setString(5, owner);
            return statement.executeUpdate();
        });
        if (marked != 1) {
            throw new ChunkTakenOver(chunk);
        }
    }

    /** Gives a chunk this instance could not write back, for any instance to claim at once. */
    void release(Chunk chunk, String owner) {
        jdbc.prepareStatement("UPDATE resegmentation_chunk SET status = 'PENDING', owner = NULL, lease_until = NULL "
                + "WHERE job_id = ? AND chunk_no = ? AND status = 'CLAIMED' AND owner = ?", statement -> {
            statement.setLong(1, chunk.jobId());
            statement.setInt(2, chunk.chunkNo());
            statement.setString(3, owner);
            return statement.executeUpdate();
        });
    }

    /** A chunk without clients (the open last one, when the clients divide evenly) is done at once. */
    @io.micronaut.transaction.annotation.Transactional
    void completeEmpty(Chunk chunk, String owner) {
        completeChunk(chunk, owner, 0);
    }

    /** Ends the job when its last chunk is done; true for the one caller that ended it. */
    boolean finishIfComplete(long id) {
        return jdbc.prepareStatement("UPDATE resegmentation_job SET status = 'DONE', finished_at = ?, owner = NULL WHERE id = ? "
                + "AND status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM resegmentation_chunk WHERE job_id = ? AND status <> 'DONE')",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setLong(2, id);
                    statement.setLong(3, id);
                    return statement.executeUpdate() == 1;
                });
    }

    /** The job's date, fixed at its creation. */
    LocalDate asOf(long id) {
        return jdbc.prepareStatement("SELECT as_of FROM resegmentation_job WHERE id = ?", statement -> {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no resegmentation job " + id);
                }
                return rows.getDate(1).toLocalDate();
            }
        });
    }

    /** Per instance, how many chunks and clients it did of the job. */
    @Serdeable
    record Worker(String instance, long chunks, long clients) {
    }

    List<Worker> workers(long id) {
        return jdbc.prepareStatement("SELECT owner, COUNT(*), SUM(decided) FROM resegmentation_chunk WHERE job_id = ? AND status = 'DONE' "
                + "GROUP BY owner ORDER BY owner", statement -> {
            statement.setLong(1, id);
            List<Worker> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Worker(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return found;
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

    /** Ends the job with this status; chunks not done are cancelled, so that no instance goes on with them. */
    @io.micronaut.transaction.annotation.Transactional
    void finish(long id, String status, @Nullable String error) {
        jdbc.prepareStatement("UPDATE resegmentation_chunk SET status = 'CANCELLED', lease_until = NULL WHERE job_id = ? AND status <> 'DONE'",
                statement -> {
                    statement.setLong(1, id);
                    return statement.executeUpdate();
                });
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
                        rows.getString(11), workers(id)));
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
