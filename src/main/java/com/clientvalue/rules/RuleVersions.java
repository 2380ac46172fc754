package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The published rule versions stored in MariaDB, shared by every instance, and their activations.
 * Both are append-only facts: a version row (its files, who published it, when, why, the checks it
 * passed, the version active then) is written once and never updated; each activation is an event
 * of its own (who, when, from which version, why). The active version is the newest activation.
 */
@Singleton
@Connectable
public class RuleVersions {
    private static final String INFO = "SELECT version, seq, published_at, published_by, comment, checks, published_over FROM rule_version ";
    private final JdbcOperations jdbc;
    private final Clock clock;

    RuleVersions(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How a version came to be active. */
    public enum Reason { SEED, STARTUP, PUBLISH, ROLLBACK, ROLL_FORWARD, WATCH }

    /**
     * A stored version as listed.
     *
     * @param checks        the checks it passed when published, in words
     * @param publishedOver the version that was active when it was published (what its diff is against)
     */
    @Serdeable
    public record VersionInfo(String version, long seq, Instant publishedAt, String publishedBy, @Nullable String comment,
                              boolean active, @Nullable String checks, @Nullable String publishedOver) {
    }

    /** One activation: who made which version active, from which, why and after which checks. */
    @Serdeable
    public record Activation(long id, Instant activatedAt, String activatedBy, @Nullable String fromVersion, String toVersion,
                             Reason reason, @Nullable String comment, @Nullable String checks) {
    }

    boolean exists(String version) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM rule_version WHERE version = ?", statement -> {
            statement.setString(1, version);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        });
    }

    Optional<String> activeVersion() {
        return jdbc.prepareStatement("SELECT version FROM rule_activation ORDER BY id DESC LIMIT 1", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /**
     * Stores the version if it was never published (an earlier publication of the same files keeps
     * its author and comment) and makes it the active one, in one transaction.
     */
    @Transactional
    void storeAndActivate(RuleBase ruleBase, String who, @Nullable String comment, Reason reason, String checks) {
        String from = activeVersion().orElse(null);
        if (!exists(ruleBase.version())) {
            jdbc.prepareStatement("INSERT INTO rule_version (version, published_at, published_by, comment, checks, published_over) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
                statement.setString(1, ruleBase.version());
                statement.setTimestamp(2, Timestamp.from(clock.instant()));
                statement.setString(3, who);
                statement.setString(4, comment);
                statement.setString(5, checks);
                statement.setString(6, from);
                return statement.executeUpdate();
            });
            jdbc.prepareStatement("INSERT INTO rule_version_file (version, path, sha256, content) VALUES (?, ?, ?, ?)", statement -> {
                for (RuleSource source : ruleBase.sources()) {
                    statement.setString(1, ruleBase.version());
                    statement.setString(2, source.path());
                    statement.setString(3, RuleSetCompiler.sha256(source.content()));
                    statement.setBytes(4, source.content());
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
        }
        activate(ruleBase.version(), who, reason, comment, checks);
    }

    /** Appends an activation event; the version must be stored. */
    @Transactional
    void activate(String version, String who, Reason reason, @Nullable String comment, @Nullable String checks) {
        String from = activeVersion().orElse(null);
        // numbered after the newest activation rather than by AUTO_INCREMENT: on Galera each node numbers apart
        // (auto_increment_increment), so two activations made at once on two nodes could come out in either order;
        // with the next number taken, they conflict on it and the loser runs again after the winner (ConflictRetry)
        jdbc.prepareStatement("INSERT INTO rule_activation (id, version, activated_at, activated_by, reason, from_version, comment, checks) "
                        + "SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM rule_activation", statement -> {
                    statement.setString(1, version);
                    statement.setTimestamp(2, Timestamp.from(clock.instant()));
                    statement.setString(3, who);
                    statement.setString(4, reason.name());
                    statement.setString(5, from);
                    statement.setString(6, comment);
                    statement.setString(7, checks);
                    return statement.executeUpdate();
                });
    }

    /** The files of a stored version, in path order; empty if there is no such version. */
    public List<RuleSource> files(String version) {
        return jdbc.prepareStatement("SELECT path, content FROM rule_version_file WHERE version = ? ORDER BY path", statement -> {
            statement.setString(1, version);
            List<RuleSource> files = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    files.add(new RuleSource(rows.getString(1), rows.getBytes(2)));
                }
            }
            return files;
        });
    }

    /** Every published version, newest publication first. */
    public List<VersionInfo> list() {
        String active = activeVersion().orElse(null);
        return jdbc.prepareStatement(INFO + "ORDER BY published_at DESC, seq DESC", statement -> {
            List<VersionInfo> versions = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.add(info(rows, active));
                }
            }
            return versions;
        });
    }

    public Optional<VersionInfo> find(String version) {
        String active = activeVersion().orElse(null);
        return jdbc.prepareStatement(INFO + "WHERE version = ?", statement -> {
            statement.setString(1, version);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(info(rows, active)) : Optional.<VersionInfo>empty();
            }
        });
    }

    /** Activations, newest first, at most limit older than beforeId (all when null). */
    public List<Activation> activations(@Nullable Long beforeId, int limit) {
        return jdbc.prepareStatement("SELECT id, activated_at, activated_by, from_version, version, reason, comment, checks "
                + "FROM rule_activation WHERE id < ? ORDER BY id DESC LIMIT ?", statement -> {
            statement.setLong(1, beforeId == null ? Long.MAX_VALUE : beforeId);
            statement.setInt(2, limit);
            List<Activation> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Activation(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4),
                            rows.getString(5), Reason.valueOf(rows.getString(6)), rows.getString(7), rows.getString(8)));
                }
            }
            return found;
        });
    }

    private static VersionInfo info(ResultSet rows, String active) throws SQLException {
        return new VersionInfo(rows.getString(1), rows.getLong(2), rows.getTimestamp(3).toInstant(), rows.getString(4),
                rows.getString(5), rows.getString(1).equals(active), rows.getString(6), rows.getString(7));
    }
}
