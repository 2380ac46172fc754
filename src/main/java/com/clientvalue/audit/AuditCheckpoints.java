package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed checkpoints: at intervals (when the audit grew) and on demand, one record that commits to
 * the head of every segment, to the Merkle root of the block hashes each segment added since the
 * previous checkpoint, and to the previous checkpoint, signed with the audit key ({@link AuditKey}).
 * A database administrator who rewrites a segment cannot make it match a checkpoint signed before.
 */
@Singleton
@Connectable
public class AuditCheckpoints {
    private final JdbcOperations jdbc;
    private final AuditKey key;
    private final Clock clock;

    AuditCheckpoints(JdbcOperations jdbc, AuditKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /** Makes a checkpoint of the heads as committed now; null when nothing changed since the last one and none is forced. */
    @Transactional
    @Nullable
    public Checkpoint create(String by, boolean evenIfUnchanged) {
        Checkpoint last = jdbc.prepareStatement("SELECT * FROM audit_checkpoint ORDER BY checkpoint_id DESC LIMIT 1 FOR UPDATE",
                statement -> {
                    try (var rows = statement.executeQuery()) {
                        return rows.next() ? read(rows) : null;
                    }
                });
        List<Checkpoint.Head> heads = new ArrayList<>();
        String[] legacy = jdbc.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new String[]{rows.getString(1), rows.getString(2)};
            }
        });
        heads.add(new Checkpoint.Head(0, "LEGACY", Long.parseLong(legacy[0]), Long.parseLong(legacy[0]), legacy[1], LedgerHash.GENESIS));
        List<long[]> segments = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        jdbc.prepareStatement("SELECT segment_id, head_seq, head_hash FROM audit_segment WHERE kind = 'LEDGER' ORDER BY segment_id",
                statement -> {
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            segments.add(new long[]{rows.getInt(1), rows.getLong(2)});
                            hashes.add(rows.getString(3));
                        }
                    }
                    return null;
                });
        for (int i = 0; i < segments.size(); i++) {
            int segment = (int) segments.get(i)[0];
            long head = segments.get(i)[1];
            Checkpoint.Head before = last == null ? null : last.head(segment);
            long from = before == null ? 0 : before.head();
            List<String> added = blockHashes(segment, from, head);
            if (head < from || added.size() != head - from) {
                throw new AuditNotIntact(segment, from, head, added.size(), last);
            }
            heads.add(new Checkpoint.Head(segment, "LEDGER", from, head, hashes.get(i), LedgerHash.merkleRoot(added)));
        }
        if (last != null && !evenIfUnchanged && unchanged(last, heads)) {
            return null;
        }
        Checkpoint checkpoint = Checkpoint.unsigned(last == null ? 1 : last.id() + 1, clock.instant(), by,
                last == null ? LedgerHash.GENESIS : last.hash(), heads);
        checkpoint = checkpoint.signed(key.keyId(), key.sign(checkpoint.text()));
        Checkpoint signed = checkpoint;
        jdbc.prepareStatement("INSERT INTO audit_checkpoint (checkpoint_id, created_at, created_by, previous_hash, heads, segments_root, "
                + "checkpoint_hash, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setLong(1, signed.id());
            statement.setTimestamp(2, Timestamp.from(signed.createdAt()));
            statement.setString(3, signed.createdBy());
            statement.setString(4, signed.previousHash());
            statement.setString(5, signed.headLines());
            statement.setString(6, signed.segmentsRoot());
            statement.setString(7, signed.hash());
            statement.setString(8, signed.keyId());
            statement.setString(9, signed.signature());
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO audit_checkpoint_segment (segment_id, checkpoint_id, from_seq, head_seq) VALUES (?, ?, ?, ?)",
                statement -> {
                    for (Checkpoint.Head head : signed.heads()) {
                        statement.setInt(1, head.segment());
                        statement.setLong(2, signed.id());
                        statement.setLong(3, head.from());
                        statement.setLong(4, head.head());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
        return signed;
    }

    private static boolean unchanged(Checkpoint last, List<Checkpoint.Head> heads) {
        for (Checkpoint.Head head : heads) {
            Checkpoint.Head before = last.head(head.segment());
            if (before == null ? head.head() > 0 : before.head() != head.head()) {
                return false;
            }
        }
        return true;
    }

    private List<String> blockHashes(int segment, long after, long through) {
        return jdbc.prepareStatement("SELECT block_hash FROM audit_block WHERE segment_id = ? AND block_seq > ? AND block_seq <= ? "
                + "ORDER BY block_seq", statement -> {
            statement.setInt(1, segment);
            statement.setLong(2, after);
            statement.setLong(3, through);
            List<String> hashes = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
            return hashes;
        });
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() {
        return jdbc.prepareStatement("SELECT * FROM audit_checkpoint ORDER BY checkpoint_id", statement -> {
            List<Checkpoint> all = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(read(rows));
                }
            }
            return all;
        });
    }

    /** The first checkpoint that covers this block of this segment, if one does yet. */
    @Nullable
    public Checkpoint covering(int segment, long block) {
        return jdbc.prepareStatement("SELECT c.* FROM audit_checkpoint_segment s JOIN audit_checkpoint c ON c.checkpoint_id = "
                + "s.checkpoint_id WHERE s.segment_id = ? AND s.head_seq >= ? AND s.from_seq < ? ORDER BY s.head_seq, s.checkpoint_id "
                + "LIMIT 1", statement -> {
            statement.setInt(1, segment);
            statement.setLong(2, block);
            statement.setLong(3, block);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? read(rows) : null;
            }
        });
    }

    List<String> coveredBlockHashes(Checkpoint.Head head) {
        return blockHashes(head.segment(), head.from(), head.head());
    }

    private static Checkpoint read(java.sql.ResultSet rows) throws java.sql.SQLException {
        return new Checkpoint(rows.getLong("checkpoint_id"), rows.getTimestamp("created_at").toInstant(), rows.getString("created_by"),
                rows.getString("previous_hash"), Checkpoint.parseHeads(rows.getString("heads")), rows.getString("segments_root"),
                rows.getString("checkpoint_hash"), rows.getString("key_id"), rows.getString("signature"));
    }

    /**
     * A segment whose head does not follow from what the previous checkpoint signed: it went back, or
     * blocks it names are missing. Nothing is signed: a checkpoint must never vouch for a broken segment.
     */
    static final class AuditNotIntact extends org.zalando.problem.AbstractThrowableProblem {
        AuditNotIntact(int segment, long from, long head, int found, @Nullable Checkpoint last) {
            super(com.clientvalue.common.Problems.type("audit-not-intact"), "Audit not intact", org.zalando.problem.Status.CONFLICT,
                    head < from
                            ? "segment " + segment + " ends at block " + head + ", before block " + from + " that checkpoint "
                                    + last.id() + " signed: blocks were removed; no checkpoint was signed (GET /api/audit/verify names what changed)"
                            : "segment " + segment + " names block " + head + " as its head, but " + (head - from - found) + " of its blocks "
                                    + (from + 1) + " to " + head + " are missing; no checkpoint was signed (GET /api/audit/verify names what changed)",
                    null, null, java.util.Map.of("segment", segment));
        }
    }
}
