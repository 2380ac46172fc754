package com.clientvalue.governance.shadow;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The shadow runs stored in MariaDB, shared by every instance: a candidate's files (apart from the
 * published versions: a shadow candidate is never a version), who started it, when and after which
 * checks, and how it ended. At most one runs at a time; ended runs stay, with their comparisons.
 */
@Singleton
@Connectable
class ShadowRuns {
    private static final String COLUMNS = "SELECT id, version, started_at, started_by, checks, ended_at, ended_by, end_reason FROM shadow_run ";
    private final JdbcOperations jdbc;
    private final Clock clock;

    ShadowRuns(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One run; endedAt is null while it runs. */
    record Run(long id, String version, Instant startedAt, String startedBy, @Nullable String checks, @Nullable Instant endedAt,
               @Nullable String endedBy, @Nullable String endReason) {
    }

    Optional<Run> running() {
        return jdbc.prepareStatement(COLUMNS + "WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(run(rows)) : Optional.<Run>empty();
            }
        });
    }

    Optional<Run> find(long id) {
        return jdbc.prepareStatement(COLUMNS + "WHERE id = ?", statement -> {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(run(rows)) : Optional.<Run>empty();
            }
        });
    }

    /** Newest first. */
    List<Run> list(int limit) {
        return jdbc.prepareStatement(COLUMNS + "ORDER BY id DESC LIMIT ?", statement -> {
            statement.setInt(1, limit);
            List<Run> runs = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    runs.add(run(rows));
                }
            }
            return runs;
        });
    }

    @Transactional
    long insert(RuleBase candidate, String who, String checks) {
        long id = jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO shadow_run (version, started_at, started_by, checks) "
                    + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, candidate.version());
                statement.setTimestamp(2, Timestamp.from(clock.instant()));
                statement.setString(3, who);
                statement.setString(4, checks.length() <= 1000 ? checks : checks.substring(0, 1000));
                statement.executeUpdate();
                try (var keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        jdbc.prepareStatement("INSERT INTO shadow_run_file (run_id, path, sha256, content) VALUES (?, ?, ?, ?)", statement -> {
            for (RuleSource source : candidate.sources()) {
                statement.setLong(1, id);
                statement.setString(2, source.path());
                statement.setString(3, sha256(source.content()));
                statement.setBytes(4, source.content());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        return id;
    }

    /** Ends the run if it still runs; false when it had ended already. */
    @Transactional
    boolean end(long id, String who, String reason) {
        return jdbc.prepareStatement("UPDATE shadow_run SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setString(2, who);
                    statement.setString(3, reason.length() <= 200 ? reason : reason.substring(0, 200));
                    statement.setLong(4, id);
                    return statement.executeUpdate() > 0;
                });
    }

    List<RuleSource> files(long id) {
        return jdbc.prepareStatement("SELECT path, content FROM shadow_run_file WHERE run_id = ? ORDER BY path", statement -> {
            statement.setLong(1, id);
            List<RuleSource> files = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    files.add(new RuleSource(rows.getString(1), rows.getBytes(2)));
                }
            }
            return files;
        });
    }

    private static Run run(ResultSet rows) throws SQLException {
        Timestamp ended = rows.getTimestamp(6);
        return new Run(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5),
                ended == null ? null : ended.toInstant(), rows.getString(7), rows.getString(8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
