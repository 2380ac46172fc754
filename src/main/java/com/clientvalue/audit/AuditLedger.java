package com.clientvalue.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends blocks to the ledger. A block is the decisions of one write: their index rows and
 * compressed documents, the Merkle root of their record hashes, and a header linking it to the
 * previous block of its segment; all of it in the caller's transaction, so that a block is either
 * whole or absent (a crash mid-write leaves nothing of it).
 */
@Singleton
class AuditLedger {
    private final JdbcOperations jdbc;
    private final AuditSegments segments;
    private final Clock clock;

    AuditLedger(JdbcOperations jdbc, AuditSegments segments, Clock clock) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.clock = clock;
    }

    /** The head of a segment, locked until the caller's transaction ends. */
    private record Head(long seq, String hash, String owner) {
    }

    void append(int segment, List<AuditTrail.Sealed> decisions) {
        Head head = jdbc.prepareStatement("SELECT head_seq, head_hash, owner FROM audit_segment WHERE segment_id = ? "
                + "AND kind = 'LEDGER' FOR UPDATE", statement -> {
            statement.setInt(1, segment);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("audit segment " + segment + " does not exist");
                }
                return new Head(rows.getLong(1), rows.getString(2), rows.getString(3));
            }
        });
        if (!segments.owner().equals(head.owner())) {
            segments.lost(segment); // written all the same, under the head's lock; the next write claims a segment of its own
        }
        List<String> hashes = new ArrayList<>(decisions.size());
        for (AuditTrail.Sealed decision : decisions) {
            hashes.add(decision.recordHash());
        }
        long seq = head.seq() + 1;
        Instant writtenAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String root = LedgerHash.merkleRoot(hashes);
        String hash = LedgerHash.block(segment, seq, head.hash(), root, decisions.size(), writtenAt);
        jdbc.prepareStatement("INSERT INTO audit_block (segment_id, block_seq, prev_hash, merkle_root, decisions, written_at, "
                + "block_hash) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setInt(1, segment);
            statement.setLong(2, seq);
            statement.setString(3, head.hash());
            statement.setString(4, root);
            statement.setInt(5, decisions.size());
            statement.setTimestamp(6, Timestamp.from(writtenAt));
            statement.setString(7, hash);
            return statement.executeUpdate();
        });
        insertIndexRows(segment, seq, decisions);
        jdbc.prepareStatement("INSERT INTO decision_document (decision_id, body) VALUES (?, ?)", statement -> {
            for (AuditTrail.Sealed decision : decisions) {
                statement.setString(1, decision.record().decisionId());
                statement.setBytes(2, decision.body());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("UPDATE audit_segment SET head_seq = ?, head_hash = ? WHERE segment_id = ?", statement -> {
            statement.setLong(1, seq);
            statement.setString(2, hash);
            statement.setInt(3, segment);
            return statement.executeUpdate();
        });
    }

    private void insertIndexRows(int segment, long seq, List<AuditTrail.Sealed> decisions) {
        jdbc.prepareStatement("INSERT INTO decision_audit (decision_id, client_id, as_of, rule_version, decided_at, kind, job_id, "
                + "cluster, lifecycle, experience_segment, record_hash, fired_set, what_if, last_active_cluster, segment_id, "
                + "block_seq, leaf_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (int i = 0; i < decisions.size(); i++) {
                LedgerRecord record = decisions.get(i).record();
                statement.setString(1, record.decisionId());
                statement.setString(2, record.clientId());
                statement.setDate(3, Date.valueOf(record.asOf()));
                statement.setString(4, record.ruleVersion());
                statement.setTimestamp(5, Timestamp.from(record.decidedAt()));
                statement.setString(6, record.kind());
                statement.setObject(7, record.jobId());
                statement.setString(8, record.cluster());
                statement.setString(9, record.lifecycle());
                statement.setString(10, record.experienceSegment());
                statement.setString(11, decisions.get(i).recordHash());
                statement.setString(12, record.firedSet());
                statement.setBoolean(13, record.whatIf());
                statement.setString(14, record.lastActiveCluster());
                statement.setInt(15, segment);
                statement.setLong(16, seq);
                statement.setInt(17, i);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
