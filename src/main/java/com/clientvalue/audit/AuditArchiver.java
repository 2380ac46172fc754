package com.clientvalue.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Audit retention. Records decided before a cut-off (default: audit.retention-days ago) are written
 * to a gzipped JSON-lines file in audit.archive-dir, one record per line with every column, its
 * chain link and its fired rules, then removed with what refers to them, all in one transaction.
 * Only a prefix of the chain is archived (up to the first record that must be kept), so the kept
 * records still verify: the checkpoint keeps the last archived link.
 */
@Singleton
@Connectable
public class AuditArchiver {
    private static final Logger LOG = LoggerFactory.getLogger(AuditArchiver.class);
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AdminLog log;
    private final Clock clock;
    private final int retentionDays;
    private final int minimumDays;
    private final Path dir;

    AuditArchiver(JdbcOperations jdbc, JsonMapper json, AdminLog log, Clock clock,
                  @Value("${audit.retention-days:0}") int retentionDays, @Value("${audit.retention-min-days:400}") int minimumDays,
                  @Value("${audit.archive-dir:.data/audit-archive}") String dir) {
        this.jdbc = jdbc;
        this.json = json;
        this.log = log;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.minimumDays = minimumDays;
        this.dir = Path.of(dir);
    }

    /** One archive run: what was exported where, and the link the kept chain starts from. */
    @Serdeable
    public record Archive(long id, Instant archivedAt, String archivedBy, Instant before, long fromSeq, long throughSeq,
                          String lastHash, long records, String file, String fileSha256) {
    }

    static final class TooRecent extends AbstractThrowableProblem {
        TooRecent(Instant before, Instant latestAllowed, int minimumDays) {
            super(com.clientvalue.common.Problems.type("retention-too-short"), "Retention too short", Status.BAD_REQUEST,
                    "before " + before + " would archive records younger than " + minimumDays + " days (audit.retention-min-days): "
                            + "use a time up to " + latestAllowed, null, null, Map.of("before", before.toString()));
        }
    }

    @Scheduled(cron = "${audit.archive-cron:0 30 2 * * *}")
    void daily() {
        if (retentionDays > 0) {
            Archive archive = archive(clock.instant().minus(Duration.ofDays(retentionDays)), "retention");
            if (archive != null) {
                LOG.info("Archived {} audit records (chain {}..{}) to {}", archive.records(), archive.fromSeq(), archive.throughSeq(),
                        archive.file());
            }
        }
    }

    /** Archives the records decided before the cut-off; null when there is none to archive. */
    @Transactional
    @Nullable
    public Archive archive(@Nullable Instant before, String by) {
        Instant latestAllowed = clock.instant().minus(Duration.ofDays(minimumDays));
        Instant cutoff = before != null ? before : clock.instant().minus(Duration.ofDays(Math.max(retentionDays, minimumDays)));
        if (cutoff.isAfter(latestAllowed)) {
            throw new TooRecent(cutoff, latestAllowed, minimumDays);
        }
        // the prefix of the chain decided before the cut-off; the head's lock keeps writers out meanwhile
        jdbc.prepareStatement("SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", s -> s.executeQuery().next());
        Long firstKept = single("SELECT MIN(chain_seq) FROM decision_audit WHERE chain_seq IS NOT NULL AND decided_at >= ?", cutoff);
        Long through = firstKept != null ? Long.valueOf(firstKept - 1)
                : single("SELECT MAX(chain_seq) FROM decision_audit WHERE chain_seq IS NOT NULL AND decided_at < ?", cutoff);
        Long from = single("SELECT MIN(chain_seq) FROM decision_audit WHERE chain_seq IS NOT NULL AND decided_at < ?", cutoff);
        if (through == null || from == null || through < from) {
            return null;
        }
        Instant now = clock.instant();
        Path file = dir.resolve("audit-" + from + "-" + through + "-" + now.toEpochMilli() + ".jsonl.gz");
        String[] lastHash = new String[1];
        long[] count = new long[1];
        String sha256 = write(file, out -> jdbc.prepareStatement("SELECT a.*, (SELECT GROUP_CONCAT(r.rule_id ORDER BY r.seq SEPARATOR ' ') "
                + "FROM fired_rule_set_rule r WHERE r.set_id = a.fired_set) AS fired_rules FROM decision_audit a "
                + "WHERE a.chain_seq BETWEEN ? AND ? ORDER BY a.chain_seq", statement -> {
            statement.setLong(1, from);
            statement.setLong(2, through);
            statement.setFetchSize(1_000);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.write(json.writeValueAsBytes(line(rows)));
                    out.write('\n');
                    lastHash[0] = rows.getString("record_hash");
                    count[0]++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
        for (String dependent : List.of("decision_transition", "service_grant", "action_record", "shadow_comparison")) {
            jdbc.prepareStatement("DELETE FROM " + dependent + " WHERE decision_id IN (SELECT decision_id FROM decision_audit "
                    + "WHERE chain_seq BETWEEN ? AND ?)", statement -> {
                statement.setLong(1, from);
                statement.setLong(2, through);
                return statement.executeUpdate();
            });
        }
        jdbc.prepareStatement("DELETE FROM decision_audit WHERE chain_seq BETWEEN ? AND ?", statement -> {
            statement.setLong(1, from);
            statement.setLong(2, through);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO audit_archive (archived_at, archived_by, before_time, from_seq, through_seq, last_hash, "
                + "records, file, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, by);
            statement.setTimestamp(3, Timestamp.from(cutoff));
            statement.setLong(4, from);
            statement.setLong(5, through);
            statement.setString(6, lastHash[0]);
            statement.setLong(7, count[0]);
            statement.setString(8, file.toAbsolutePath().toString());
            statement.setString(9, sha256);
            return statement.executeUpdate();
        });
        log.record(by, "AUDIT_ARCHIVED", from + ".." + through, count[0] + " records to " + file.toAbsolutePath() + " (sha256 " + sha256 + ")");
        return archives().get(0);
    }

    /** Newest first. */
    public List<Archive> archives() {
        return jdbc.prepareStatement("SELECT * FROM audit_archive ORDER BY id DESC", statement -> {
            List<Archive> all = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new Archive(rows.getLong("id"), rows.getTimestamp("archived_at").toInstant(), rows.getString("archived_by"),
                            rows.getTimestamp("before_time").toInstant(), rows.getLong("from_seq"), rows.getLong("through_seq"),
                            rows.getString("last_hash"), rows.getLong("records"), rows.getString("file"), rows.getString("file_sha256")));
                }
            }
            return all;
        });
    }

    private Long single(String sql, Instant at) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            try (var rows = statement.executeQuery()) {
                rows.next();
                long value = rows.getLong(1);
                return rows.wasNull() ? null : value;
            }
        });
    }

    private static Map<String, Object> line(ResultSet rows) throws SQLException {
        Map<String, Object> line = new LinkedHashMap<>();
        for (String column : List.of("chain_seq", "prev_hash", "record_hash", "decision_id", "client_id", "as_of", "rule_version",
                "decided_at", "kind", "job_id", "cluster", "lifecycle", "experience_segment", "decision", "fired_rules")) {
            Object value = rows.getObject(column);
            line.put(column, value == null ? null : column.equals("decided_at") ? rows.getTimestamp(column).toInstant().toString()
                    : column.equals("chain_seq") || column.equals("job_id") ? ((Number) value).longValue() : value.toString());
        }
        return line;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static String write(Path file, Body body) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream raw = Files.newOutputStream(file); DigestOutputStream hashed = new DigestOutputStream(raw, digest);
                 GZIPOutputStream out = new GZIPOutputStream(hashed)) {
                body.write(out);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
