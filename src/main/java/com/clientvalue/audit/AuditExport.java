package com.clientvalue.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Exports the whole audit as gzipped JSON lines, for the standalone verifier
 * ({@code java -jar client-decisions.jar verify-audit FILE --public-key KEY}) and for auditors' own
 * tools: the checkpoints first, then the legacy chain, then each segment's blocks, each followed by
 * its decisions; the lists of fired rules last. The line formats are in src/docs/audit.md.
 */
@Singleton
public class AuditExport {
    static final String FORMAT = "client-decisions-audit-export/1";
    private final DataSource dataSource;
    private final AuditCheckpoints checkpoints;
    private final JsonMapper json;

    AuditExport(DataSource dataSource, AuditCheckpoints checkpoints, JsonMapper json) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.checkpoints = checkpoints;
        this.json = json;
    }

    public void write(OutputStream target) {
        try (GZIPOutputStream out = new GZIPOutputStream(target, 1 << 16); Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // one snapshot for the whole export (REPEATABLE READ)
            line(out, Map.of("type", "header", "format", FORMAT));
            List<Checkpoint> all = checkpoints.all();
            for (Checkpoint checkpoint : all) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("type", "checkpoint");
                line.put("checkpoint", checkpoint);
                line(out, line);
            }
            legacy(connection, out);
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT segment_id, head_seq, head_hash FROM audit_segment WHERE kind = 'LEDGER' "
                         + "ORDER BY segment_id")) {
                List<long[]> heads = new java.util.ArrayList<>();
                List<String> hashes = new java.util.ArrayList<>();
                while (rows.next()) {
                    heads.add(new long[]{rows.getInt(1), rows.getLong(2)});
                    hashes.add(rows.getString(3));
                }
                for (int i = 0; i < heads.size(); i++) {
                    segment(connection, out, (int) heads.get(i)[0], heads.get(i)[1], hashes.get(i));
                }
            }
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT s.set_id, GROUP_CONCAT(r.rule_id ORDER BY r.seq SEPARATOR '\\n') "
                         + "FROM fired_rule_set s LEFT JOIN fired_rule_set_rule r ON r.set_id = s.set_id GROUP BY s.set_id")) {
                while (rows.next()) {
                    String rules = rows.getString(2);
                    line(out, Map.of("type", "firedSet", "id", rows.getString(1), "rules", rules == null ? List.of() : List.of(rules.split("\n"))));
                }
            }
            connection.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void legacy(Connection connection, OutputStream out) throws SQLException, IOException {
        try (var statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT seq, hash, (SELECT COALESCE(MAX(through_seq), 0) FROM audit_archive), "
                     + "(SELECT last_hash FROM audit_archive ORDER BY through_seq DESC LIMIT 1) FROM audit_chain_head WHERE id = 1")) {
            head.next();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "legacyHead");
            line.put("seq", head.getLong(1));
            line.put("hash", head.getString(2));
            line.put("archivedThrough", head.getLong(3));
            line.put("archivedHash", head.getString(4) == null ? LedgerHash.GENESIS : head.getString(4));
            line(out, line);
        }
        try (var statement = connection.prepareStatement("SELECT chain_seq, prev_hash, record_hash, decision_id, client_id, as_of, "
                + "rule_version, decided_at, kind, job_id, cluster, lifecycle, experience_segment, decision FROM decision_audit "
                + "WHERE chain_seq IS NOT NULL ORDER BY chain_seq")) {
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("type", "legacy");
                    line.put("seq", rows.getLong(1));
                    line.put("previous", rows.getString(2));
                    line.put("hash", rows.getString(3));
                    long job = rows.getLong(10);
                    line.put("canonical", AuditChain.canonical(rows.getString(4), rows.getString(5), rows.getDate(6).toLocalDate(),
                            rows.getString(7), rows.getTimestamp(8).toInstant(), rows.getString(9), rows.wasNull() ? null : job,
                            rows.getString(11), rows.getString(12), rows.getString(13), rows.getString(14)));
                    line.put("decisionId", rows.getString(4));
                    line(out, line);
                }
            }
        }
    }

    private void segment(Connection connection, OutputStream out, int segment, long headSeq, String headHash)
            throws SQLException, IOException {
        line(out, Map.of("type", "segment", "segment", segment, "headSeq", headSeq, "headHash", headHash));
        try (var statement = connection.prepareStatement(LedgerRows.BLOCKS_WITH_DECISIONS)) {
            statement.setInt(1, segment);
            statement.setLong(2, headSeq);
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery()) {
                LedgerRows.read(rows, segment, (block, decisions) -> {
                    try {
                        line(out, Map.of("type", "block", "block", block));
                        for (LedgerCheck.StoredDecision decision : decisions) {
                            line(out, Map.of("type", "decision", "record", decision.record(), "recordHash", decision.storedHash(),
                                    "leafIndex", decision.leafIndex()));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, () -> false);
            }
        }
    }

    private void line(OutputStream out, Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
    }
}
