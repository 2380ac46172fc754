package com.clientvalue.console.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The background runs of drafts in MariaDB ({@code console_draft_run}): started once per piece of
 * work (the unique running key), moved on by the instance that runs them, beaten while they run,
 * finished with their report, marked INTERRUPTED once their instance stopped beating them.
 */
@Singleton
@Connectable
class DraftRuns {
    /** A run whose heartbeat is older than this belongs to an instance that stopped. */
    static final Duration ORPHANED_AFTER = Duration.ofSeconds(30);
    /** Finished runs kept per draft and kind; older ones are removed as a new one finishes. */
    static final int KEPT = 5;
    private static final String COLUMNS = "id, draft_id, kind, draft_state, as_of, status, started_by, started_at, finished_at, "
            + "steps, steps_done, done, total, report";

    private final JdbcOperations jdbc;
    private final Clock clock;

    DraftRuns(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The run that does this work: the one just created, or the one already doing it ({@code created} false). */
    record Started(long id, boolean created) {
    }

    /**
     * Creates a RUNNING run unless one with the same key is running, whichever instance runs it
     * (the unique index on {@code running_key} decides between two starts at the same moment).
     */
    Started start(long draftId, DraftRun.Kind kind, String state, @Nullable LocalDate asOf, String by, String instance,
                  List<String> steps, long total) {
        String key = draftId + "/" + kind + "/" + state + (asOf == null ? "" : "/" + asOf);
        Instant now = clock.instant();
        try {
            return jdbc.execute(connection -> {
                try (var statement = connection.prepareStatement("INSERT INTO console_draft_run (draft_id, kind, draft_state, as_of, "
                        + "status, running_key, started_by, started_at, instance, heartbeat_at, steps, total) "
                        + "VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    statement.setLong(1, draftId);
                    statement.setString(2, kind.name());
                    statement.setString(3, state);
                    statement.setDate(4, asOf == null ? null : Date.valueOf(asOf));
                    statement.setString(5, key);
                    statement.setString(6, by);
                    statement.setTimestamp(7, Timestamp.from(now));
                    statement.setString(8, instance);
                    statement.setTimestamp(9, Timestamp.from(now));
                    statement.setString(10, String.join(",", steps));
                    statement.setLong(11, total);
                    statement.executeUpdate();
                    try (var keys = statement.getGeneratedKeys()) {
                        keys.next();
                        return new Started(keys.getLong(1), true);
                    }
                }
            });
        } catch (RuntimeException e) {
            if (!duplicate(e)) {
                throw e;
            }
            return runningWith(key).map(id -> new Started(id, false))
                    // it finished between the insert and this read: start again
                    .orElseGet(() -> start(draftId, kind, state, asOf, by, instance, steps, total));
        }
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private Optional<Long> runningWith(String key) {
        return jdbc.prepareStatement("SELECT id FROM console_draft_run WHERE running_key = ?", statement -> {
            statement.setString(1, key);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** Records progress (steps done, clients evaluated) of a run still running, and beats its heartbeat. */
    void progress(long id, int stepsDone, long done) {
        jdbc.prepareStatement("UPDATE console_draft_run SET steps_done = ?, done = ?, heartbeat_at = ? WHERE id = ? "
                + "AND status = 'RUNNING'", statement -> {
            statement.setInt(1, stepsDone);
            statement.setLong(2, done);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.setLong(4, id);
            return statement.executeUpdate();
        });
    }

    /** Beats the heartbeat of these runs, which this instance is running. */
    void heartbeat(Collection<Long> ids, String instance) {
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.prepareStatement("UPDATE console_draft_run SET heartbeat_at = ? WHERE status = 'RUNNING' AND instance = ? AND id IN ("
                + marks + ")", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, instance);
            int i = 3;
            for (long id : ids) {
                statement.setLong(i++, id);
            }
            return statement.executeUpdate();
        });
    }

    /** Ends a run with its status and report (JSON), freeing its key; then forgets the oldest finished runs beyond {@link #KEPT}. */
    void finish(long id, DraftRun.Status status, int stepsDone, long done, @Nullable String report, @Nullable String error) {
        jdbc.prepareStatement("UPDATE console_draft_run SET status = ?, running_key = NULL, finished_at = ?, steps_done = GREATEST(steps_done, ?), "
                + "done = GREATEST(done, ?), report = ?, error = ? WHERE id = ? AND status = 'RUNNING'", statement -> {
            statement.setString(1, status.name());
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setInt(3, stepsDone);
            statement.setLong(4, done);
            statement.setString(5, report);
            statement.setString(6, error == null || error.length() <= 1000 ? error : error.substring(0, 1000));
            statement.setLong(7, id);
            return statement.executeUpdate();
        });
        find(id).ifPresent(this::prune);
    }

    private void prune(DraftRun run) {
        List<Long> finished = jdbc.prepareStatement("SELECT id FROM console_draft_run WHERE draft_id = ? AND kind = ? "
                + "AND status <> 'RUNNING' ORDER BY id DESC", statement -> {
            statement.setLong(1, run.draftId());
            statement.setString(2, run.kind().name());
            List<Long> ids = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
        for (long old : finished.subList(Math.min(KEPT, finished.size()), finished.size())) {
            jdbc.prepareStatement("DELETE FROM console_draft_run WHERE id = ?", statement -> {
                statement.setLong(1, old);
                return statement.executeUpdate();
            });
        }
    }

    /** Marks INTERRUPTED every RUNNING run whose instance stopped beating it; returns how many. */
    int interruptOrphans() {
        return jdbc.prepareStatement("UPDATE console_draft_run SET status = 'INTERRUPTED', running_key = NULL, finished_at = ? "
                + "WHERE status = 'RUNNING' AND heartbeat_at < ?", statement -> {
            Instant now = clock.instant();
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now.minus(ORPHANED_AFTER)));
            return statement.executeUpdate();
        });
    }

    Optional<DraftRun> find(long id) {
        return one("SELECT " + COLUMNS + " FROM console_draft_run WHERE id = ?", id);
    }

    /** The draft's latest run of this kind, whatever its status. */
    Optional<DraftRun> latest(long draftId, DraftRun.Kind kind) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM console_draft_run WHERE draft_id = ? AND kind = ? "
                + "ORDER BY id DESC LIMIT 1", statement -> {
            statement.setLong(1, draftId);
            statement.setString(2, kind.name());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.<DraftRun>empty();
            }
        });
    }

    private Optional<DraftRun> one(String sql, long id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.<DraftRun>empty();
            }
        });
    }

    private static DraftRun read(ResultSet rows) throws SQLException {
        Date asOf = rows.getDate(5);
        Timestamp finished = rows.getTimestamp(9);
        String steps = rows.getString(10);
        return new DraftRun(rows.getLong(1), rows.getLong(2), DraftRun.Kind.valueOf(rows.getString(3)), rows.getString(4),
                asOf == null ? null : asOf.toLocalDate(), DraftRun.Status.valueOf(rows.getString(6)), rows.getString(7),
                rows.getTimestamp(8).toInstant(), finished == null ? null : finished.toInstant(),
                steps.isEmpty() ? List.of() : Arrays.asList(steps.split(",")), rows.getInt(11), rows.getLong(12), rows.getLong(13),
                rows.getString(14));
    }

    /** How many clients the stored portfolio holds: the total an impact preview evaluates. */
    long clients() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM client", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
