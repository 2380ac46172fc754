package com.clientvalue.governance.invariant;

import com.clientvalue.rules.RuleSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy invariants in force, kept in MariaDB apart from the rule versions they guard, with
 * every revision (who, when, why, content). The newest revision is in force. When none is stored,
 * the rules folder's invariants file seeds the first one; after that the file is not read again.
 */
@Singleton
@Connectable
public class StoredInvariants {
    static final String PATH = "invariants/policy-invariants.csv";
    private static final String COLUMNS = "SELECT revision, changed_at, changed_by, comment, content FROM policy_invariants ";
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Path seed;

    StoredInvariants(JdbcOperations jdbc, Clock clock, @Value("${rules.dir}") String rulesDir) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.seed = Path.of(rulesDir).toAbsolutePath().normalize().resolve(PATH);
    }

    /** One revision of the invariants: a CSV with columns id,description,rule (see rules/README.md). */
    @Serdeable
    public record Revision(long revision, Instant changedAt, String changedBy, @Nullable String comment, String content) {
        /** The revision as the invariant check reads it. */
        public RuleSource source() {
            return new RuleSource(PATH, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The revision in force; seeds the first from the rules folder when none is stored. */
    @Transactional
    public Revision current() {
        return newest().orElseGet(() -> {
            seed();
            return newest().orElseThrow();
        });
    }

    /** Every revision, newest first. */
    public List<Revision> history() {
        return jdbc.prepareStatement(COLUMNS + "ORDER BY revision DESC", statement -> {
            List<Revision> revisions = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    revisions.add(revision(rows));
                }
            }
            return revisions;
        });
    }

    /** Appends a revision; the caller checked it. */
    @Transactional
    Revision change(String content, String who, @Nullable String comment) {
        insert(content, who, comment);
        return newest().orElseThrow();
    }

    private Optional<Revision> newest() {
        return jdbc.prepareStatement(COLUMNS + "ORDER BY revision DESC LIMIT 1", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(revision(rows)) : Optional.<Revision>empty();
            }
        });
    }

    // several instances may start together: only the first seed is kept
    private void seed() {
        String content;
        try {
            content = Files.isRegularFile(seed) ? Files.readString(seed, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement("INSERT INTO policy_invariants (changed_at, changed_by, comment, content) SELECT ?, ?, ?, ? "
                + "FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM policy_invariants)", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, "startup");
            statement.setString(3, "seeded from the rules folder (" + PATH + ")");
            statement.setString(4, content);
            return statement.executeUpdate();
        });
    }

    private void insert(String content, String who, @Nullable String comment) {
        jdbc.prepareStatement("INSERT INTO policy_invariants (changed_at, changed_by, comment, content) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setString(2, who);
                    statement.setString(3, comment);
                    statement.setString(4, content);
                    return statement.executeUpdate();
                });
    }

    private static Revision revision(ResultSet rows) throws SQLException {
        return new Revision(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4),
                rows.getString(5));
    }
}
