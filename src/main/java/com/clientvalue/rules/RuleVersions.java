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
 * The rule versions stored in MariaDB, shared by every instance: their files, who published them,
 * and which one is active (the newest activation).
 */
@Singleton
@Connectable
public class RuleVersions {
    private final JdbcOperations jdbc;
    private final Clock clock;

    RuleVersions(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How a version came to be active. */
    enum Reason { SEED, STARTUP, PUBLISH, ROLLBACK, WATCH }

    /** A stored version as listed. */
    @Serdeable
    public record VersionInfo(String version, long seq, Instant publishedAt, String publishedBy, @Nullable String comment,
                              boolean active) {
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

    /** Stores the version (if new) and makes it the active one, in one transaction. */
    @Transactional
    void storeAndActivate(RuleBase ruleBase, String who, @Nullable String comment, Reason reason) {
        store(ruleBase, who, comment);
        // a version stored only as a shadow candidate is published now, by this author
        jdbc.prepareStatement("UPDATE rule_version SET published_at = ?, published_by = ?, comment = ? WHERE version = ? "
                + "AND NOT EXISTS (SELECT 1 FROM rule_activation WHERE rule_activation.version = rule_version.version)", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, who);
            statement.setString(3, comment);
            statement.setString(4, ruleBase.version());
            return statement.executeUpdate();
        });
        activate(ruleBase.version(), who, reason);
    }

    /** Stores the version's files if it is new, without activating it (a shadow candidate). */
    @Transactional
    public void store(RuleBase ruleBase, String who, @Nullable String comment) {
        if (!exists(ruleBase.version())) {
            jdbc.prepareStatement("INSERT INTO rule_version (version, published_at, published_by, comment) VALUES (?, ?, ?, ?)",
                    statement -> {
                        statement.setString(1, ruleBase.version());
                        statement.setTimestamp(2, Timestamp.from(clock.instant()));
                        statement.setString(3, who);
                        statement.setString(4, comment);
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
    }

    @Transactional
    void activate(String version, String who, Reason reason) {
        jdbc.prepareStatement("INSERT INTO rule_activation (version, activated_at, activated_by, reason) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, version);
                    statement.setTimestamp(2, Timestamp.from(clock.instant()));
                    statement.setString(3, who);
                    statement.setString(4, reason.name());
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

    public List<VersionInfo> list() {
        String active = activeVersion().orElse(null);
        return jdbc.prepareStatement("SELECT version, seq, published_at, published_by, comment FROM rule_version ORDER BY seq DESC",
                statement -> {
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
        return list().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** The version published just before this one, if any. */
    Optional<VersionInfo> previous(VersionInfo version) {
        return list().stream().filter(v -> v.seq() < version.seq()).findFirst();
    }

    private static VersionInfo info(ResultSet rows, String active) throws SQLException {
        return new VersionInfo(rows.getString(1), rows.getLong(2), rows.getTimestamp(3).toInstant(), rows.getString(4),
                rows.getString(5), rows.getString(1).equals(active));
    }
}
