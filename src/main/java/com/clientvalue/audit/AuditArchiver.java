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
 * chain link or block place and its fired rules, then removed with what refers to them, all in one
 * transaction. Of the legacy chain only a prefix is archived (up to the first record that must be
 * kept), so the kept records still verify from the last archived link; of the ledger, whole blocks
 * written before the cut-off, whose headers stay, marked with the archive, so every segment still
 * verifies as a chain.
 */
@Singleton
@Connectable
public class AuditArchiver {
    private static final Logger LOG = LoggerFactory.getLogger(AuditArchiver.class);
    private final JdbcOperations jdbc;
    private final com.clientvalue.common.ClusterTasks tasks;
    private final JsonMapper json;
    private final AdminLog log;
    private final Clock clock;
    private final int retentionDays;
    private final int minimumDays;
    private final Path dir;

    AuditArchiver(JdbcOperations jdbc, JsonMapper json, AdminLog log, Clock clock, com.clientvalue.common.ClusterTasks tasks,
                  @Value("${audit.retention-days:0}") int retentionDays, @Value("${audit.retention-min-days:400}") int minimumDays,
                  @Value("${audit.archive-dir:.data/audit-archive}") String dir) {
        this.jdbc = jdbc;
        this.json = json;
        this.log = log;
        this.tasks = tasks;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.minimumDays = minimumDays;
        this.dir = Path.of(dir);
    }

    /** One archive run: what was exported where, and the link the kept chain starts from. */
    @Serdeable
    public record Archive(long id, Instant archivedAt, String archivedBy, Instant before, long fromSeq, long throughSeq,
                          String lastHash, long records, String file, String fileSha256, long ledgerBlocks) {
    }

    static final class TooRecent extends AbstractThrowableProblem {
        TooRecent(Instant before, Instant latestAllowed, int minimumDays) {
            super(com.clientvalue.common.Problems.type("retention-too-short"), "Retention too short", Status.BAD_REQUEST,
                    "before " + before + " would archive records younger than " + minimumDays + " days (audit.retention-min-days): "
                            + "use a time up to " + latestAllowed, null, null, Map.of("before", before.toString()));
        }
    }

    /** Every instance schedules it; the first to take the cluster lock archives, the others find it taken. */
    @Scheduled(cron = "${audit.archive-cron:0 30 2 * * *}")
    void daily() {
        if (retentionDays > 0) {
            tasks.runAlone("audit-archive", Duration.ofHours(6), Duration.ofMinutes(10), this::archiveByRetention);
        }
    }

    private void archiveByRetention() {
        Archive archive = archive(clock.instant().minus(Duration.ofDays(retentionDays)), "retention");
        if (archive != null) {
            LOG.info("Archived {} audit records (chain {}..{}) to {}", archive.records(), archive.fromSeq(), archive.throughSeq(),
                    archive.file());
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
        // the prefix of the legacy chain decided before the cut-off; the head's lock keeps writers out meanwhile
        jdbc.prepareStatement("SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", s -> s.executeQuery().next());
        Long firstKept = single("SELECT MIN(chain_seq) FROM decision_audit WHERE chain_seq IS NOT NULL AND decided_at >= ?", cutoff);
        Long through = firstKept != null ? Long.valueOf(firstKept - 1)
                : single("SELECT MAX(chain_seq) FROM decision_audit WHERE chain_seq IS NOT NULL AND decided_at < ?", cutoff);
        Long from = single("SELECT MIN(chain_seq) FROM decision_audit WHERE chain_seq IS NOT NULL AND decided_at < ?", cutoff);
        boolean legacy = through != null && from != null && through >= from;
        // whole ledger blocks written before the cut-off (a prefix of each segment: blocks are written in time order)
        long blocks = single("SELECT COUNT(*) FROM audit_block WHERE archive_id IS NULL AND written_at < ?", cutoff);
        if (!legacy && blocks == 0) {
            return null;
        }
        long fromSeq = legacy ? from : 0;
        long throughSeq = legacy ? through : 0;
        Instant now = clock.instant();
        Path file = dir.resolve("audit-" + now.toEpochMilli() + (legacy ? "-legacy-" + from + "-" + through : "") + ".jsonl.gz");
        String[] lastHash = {legacy ? null : AuditChain.GENESIS};
        long[] count = new long[1];
        String sha256 = write(file, out -> {
            if (legacy) {
                jdbc.prepareStatement(SELECT_WITH_RULES + "WHERE a.chain_seq BETWEEN ? AND ? ORDER BY a.chain_seq", statement -> {
                    statement.setLong(1, fromSeq);
                    statement.setLong(2, throughSeq);
                    statement.setFetchSize(1_000);
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            out.write(json.writeValueAsBytes(line(rows, LEGACY_COLUMNS, null)));
                            out.write('\n');
                            lastHash[0] = rows.getString("record_hash");
                            count[0]++;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
            }
            jdbc.prepareStatement(SELECT_WITH_RULES.replace("FROM decision_audit a", "FROM audit_block b JOIN decision_audit a ON "
                    + "a.segment_id = b.segment_id AND a.block_seq = b.block_seq LEFT JOIN decision_document d ON d.decision_id = "
                    + "a.decision_id").replace("SELECT a.*", "SELECT a.*, d.body")
                    + "WHERE b.archive_id IS NULL AND b.written_at < ? ORDER BY a.segment_id, a.block_seq, a.leaf_index", statement -> {
                statement.setTimestamp(1, Timestamp.from(cutoff));
                statement.setFetchSize(1_000);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byte[] body = rows.getBytes("body");
                        out.write(json.writeValueAsBytes(line(rows, LEDGER_COLUMNS, body == null ? null : DocumentCodec.decompress(body))));
                        out.write('\n');
                        count[0]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        });
        long id = jdbc.prepareStatement("INSERT INTO audit_archive (archived_at, archived_by, before_time, from_seq, through_seq, last_hash, "
                + "records, file, file_sha256, ledger_blocks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, by);
            statement.setTimestamp(3, Timestamp.from(cutoff));
            statement.setLong(4, fromSeq);
            statement.setLong(5, throughSeq);
            statement.setString(6, legacy ? lastHash[0] : previousLegacyLink());
            statement.setLong(7, count[0]);
            statement.setString(8, file.toAbsolutePath().toString());
            statement.setString(9, sha256);
            statement.setLong(10, blocks);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        String archived = "SELECT decision_id FROM decision_audit WHERE chain_seq BETWEEN ? AND ? UNION ALL SELECT a.decision_id "
                + "FROM audit_block b JOIN decision_audit a ON a.segment_id = b.segment_id AND a.block_seq = b.block_seq "
                + "WHERE b.archive_id IS NULL AND b.written_at < ?";
        for (String dependent : List.of("decision_transition", "service_grant", "action_record", "shadow_comparison", "decision_document",
                "decision_audit")) {
            jdbc.prepareStatement("DELETE FROM " + dependent + " WHERE decision_id IN (SELECT decision_id FROM (" + archived + ") x)",
                    statement -> {
                        statement.setLong(1, fromSeq);
                        statement.setLong(2, throughSeq);
                        statement.setTimestamp(3, Timestamp.from(cutoff));
                        return statement.executeUpdate();
                    });
        }
        jdbc.prepareStatement("UPDATE audit_block SET archive_id = ? WHERE archive_id IS NULL AND written_at < ?", statement -> {
            statement.setLong(1, id);
            statement.setTimestamp(2, Timestamp.from(cutoff));
            return statement.executeUpdate();
        });
        log.record(by, "AUDIT_ARCHIVED", legacy ? from + ".." + through : blocks + " blocks", count[0] + " records ("
                + blocks + " ledger blocks) to " + file.toAbsolutePath() + " (sha256 " + sha256 + ")");
        return archives().get(0);
    }

    private static final String SELECT_WITH_RULES = "SELECT a.*, (SELECT GROUP_CONCAT(r.rule_id ORDER BY r.seq SEPARATOR ' ') "
            + "FROM fired_rule_set_rule r WHERE r.set_id = a.fired_set) AS fired_rules FROM decision_audit a ";
    private static final List<String> LEGACY_COLUMNS = List.of("chain_seq", "prev_hash", "record_hash", "decision_id", "client_id",
            "as_of", "rule_version", "decided_at", "kind", "job_id", "cluster", "lifecycle", "experience_segment", "decision", "fired_rules");
    private static final List<String> LEDGER_COLUMNS = List.of("segment_id", "block_seq", "leaf_index", "record_hash", "decision_id",
            "client_id", "as_of", "rule_version", "decided_at", "kind", "what_if", "job_id", "cluster", "lifecycle", "experience_segment",
            "last_active_cluster", "fired_set", "fired_rules");

    // an archive of ledger blocks only leaves the legacy chain's start where the previous archive left it
    private String previousLegacyLink() {
        return jdbc.prepareStatement("SELECT last_hash FROM audit_archive ORDER BY through_seq DESC, id DESC LIMIT 1", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : AuditChain.GENESIS;
            }
        });
    }

    /** Newest first. */
    public List<Archive> archives() {
        return jdbc.prepareStatement("SELECT * FROM audit_archive ORDER BY id DESC", statement -> {
            List<Archive> all = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new Archive(rows.getLong("id"), rows.getTimestamp("archived_at").toInstant(), rows.getString("archived_by"),
                            rows.getTimestamp("before_time").toInstant(), rows.getLong("from_seq"), rows.getLong("through_seq"),
                            rows.getString("last_hash"), rows.getLong("records"), rows.getString("file"), rows.getString("file_sha256"),
                            rows.getLong("ledger_blocks")));
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

    private static Map<String, Object> line(ResultSet rows, List<String> columns, String document) throws SQLException {
        Map<String, Object> line = new LinkedHashMap<>();
        for (String column : columns) {
            Object value = rows.getObject(column);
            line.put(column, value == null ? null : column.equals("decided_at") ? rows.getTimestamp(column).toInstant().toString()
                    : value instanceof Number number && !column.equals("what_if") ? number.longValue()
                    : value instanceof Boolean || column.equals("what_if") ? rows.getBoolean(column) : value.toString());
        }
        if (document != null) {
            line.put("decision", document);
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
