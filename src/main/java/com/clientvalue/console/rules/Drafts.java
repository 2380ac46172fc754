package com.clientvalue.console.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysts' drafts in MariaDB: each belongs to one person, names the version it started from
 * and holds the files its owner changed. Every read and write names the owner, so a person never
 * sees nor touches another's draft.
 */
@Singleton
@Connectable
class Drafts {
    private final JdbcOperations jdbc;
    private final Clock clock;

    Drafts(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    long create(String owner, String name, String baseVersion) {
        Instant now = clock.instant();
        return jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO console_draft (owner, name, base_version, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, owner);
                statement.setString(2, name);
                statement.setString(3, baseVersion);
                statement.setTimestamp(4, Timestamp.from(now));
                statement.setTimestamp(5, Timestamp.from(now));
                statement.executeUpdate();
                try (var keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The person's drafts, the one changed last first, without their files. */
    List<Draft> list(String owner) {
        return jdbc.prepareStatement("SELECT d.id, d.owner, d.name, d.base_version, d.created_at, d.updated_at, "
                + "(SELECT COUNT(*) FROM console_draft_file f WHERE f.draft_id = d.id) FROM console_draft d "
                + "WHERE d.owner = ? ORDER BY d.updated_at DESC, d.id DESC", statement -> {
            statement.setString(1, owner);
            List<Draft> drafts = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    drafts.add(new Draft(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant(), Map.of(), rows.getInt(7)));
                }
            }
            return drafts;
        });
    }

    Optional<Draft> find(long id, String owner) {
        Optional<Draft> head = jdbc.prepareStatement("SELECT id, owner, name, base_version, created_at, updated_at FROM console_draft "
                + "WHERE id = ? AND owner = ?", statement -> {
            statement.setLong(1, id);
            statement.setString(2, owner);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Draft(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant(), Map.of(), 0)) : Optional.<Draft>empty();
            }
        });
        return head.map(draft -> {
            Map<String, byte[]> files = filesOf(id);
            return new Draft(draft.id(), draft.owner(), draft.name(), draft.baseVersion(), draft.createdAt(), draft.updatedAt(),
                    files, files.size());
        });
    }

    private Map<String, byte[]> filesOf(long id) {
        return jdbc.prepareStatement("SELECT path, content FROM console_draft_file WHERE draft_id = ? ORDER BY path", statement -> {
            statement.setLong(1, id);
            Map<String, byte[]> found = new LinkedHashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getBytes(2));
                }
            }
            return found;
        });
    }

    /** Keeps a file's new content in the draft, or forgets the file (null: it is the base version's again). */
    @Transactional
    boolean saveFile(long id, String owner, String path, @Nullable byte[] content) {
        if (!touch(id, owner)) {
            return false;
        }
        if (content == null) {
            jdbc.prepareStatement("DELETE FROM console_draft_file WHERE draft_id = ? AND path = ?", statement -> {
                statement.setLong(1, id);
                statement.setString(2, path);
                return statement.executeUpdate();
            });
        } else {
            jdbc.prepareStatement("INSERT INTO console_draft_file (draft_id, path, content) VALUES (?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE content = VALUES(content)", statement -> {
                statement.setLong(1, id);
                statement.setString(2, path);
                statement.setBytes(3, content);
                return statement.executeUpdate();
            });
        }
        return true;
    }

    /**
     * Moves the draft onto another base version with the files a merge gave ({@link DraftRebase}), all
     * or nothing: false (and nothing changed) when the draft is gone or changed since those files were
     * merged from it (another base, another file saved meanwhile).
     */
    @Transactional
    boolean rebase(long id, String owner, String fromVersion, Map<String, byte[]> mergedFrom, String toVersion,
                   Map<String, byte[]> files) {
        String base = jdbc.prepareStatement("SELECT base_version FROM console_draft WHERE id = ? AND owner = ? FOR UPDATE", statement -> {
            statement.setLong(1, id);
            statement.setString(2, owner);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
        if (!fromVersion.equals(base) || !sameFiles(filesOf(id), mergedFrom)) {
            return false;
        }
        jdbc.prepareStatement("DELETE FROM console_draft_file WHERE draft_id = ?", statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate();
        });
        files.forEach((path, content) -> saveFile(id, owner, path, content));
        return jdbc.prepareStatement("UPDATE console_draft SET base_version = ?, updated_at = ? WHERE id = ? AND owner = ?", statement -> {
            statement.setString(1, toVersion);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setLong(3, id);
            statement.setString(4, owner);
            return statement.executeUpdate() == 1;
        });
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.size() == b.size() && a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    @Transactional
    boolean delete(long id, String owner) {
        return jdbc.prepareStatement("DELETE FROM console_draft WHERE id = ? AND owner = ?", statement -> {
            statement.setLong(1, id);
            statement.setString(2, owner);
            return statement.executeUpdate() == 1;
        });
    }

    private boolean touch(long id, String owner) {
        return jdbc.prepareStatement("UPDATE console_draft SET updated_at = ? WHERE id = ? AND owner = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setLong(2, id);
            statement.setString(3, owner);
            return statement.executeUpdate() == 1;
        });
    }
}
