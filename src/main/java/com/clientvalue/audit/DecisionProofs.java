package com.clientvalue.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the proof of one decision from the ledger (see {@link DecisionProof}). */
@Singleton
@Connectable
public class DecisionProofs {
    private final JdbcOperations jdbc;
    private final AuditCheckpoints checkpoints;

    private static final String MINE = LedgerRows.BLOCKS_WITH_DECISIONS.replace("b.block_seq <= ?", "b.block_seq = ? AND a.decision_id = ?");

    DecisionProofs(JdbcOperations jdbc, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** Empty when no decision has this id; a pre-ledger decision has no proof (its chain is verified whole). */
    public Optional<DecisionProof> proof(String decisionId) {
        Integer[] place = jdbc.prepareStatement("SELECT segment_id, block_seq FROM decision_audit WHERE decision_id = ?", statement -> {
            statement.setString(1, decisionId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                int segment = rows.getInt(1);
                return rows.wasNull() ? new Integer[0] : new Integer[]{segment, (int) rows.getLong(2)};
            }
        });
        if (place == null) {
            return Optional.empty();
        }
        if (place.length == 0) {
            throw new LegacyDecisionHasNoProof(decisionId);
        }
        int segment = place[0];
        long seq = place[1];
        // the block's header with this decision's record and document (one row), then the record hashes of the
        // block's other leaves from the index: not their documents, which a proof does not need
        List<LedgerBlock> block = new ArrayList<>(1);
        List<LedgerCheck.StoredDecision> found = new ArrayList<>(1);
        jdbc.prepareStatement(MINE, statement -> {
            statement.setInt(1, segment);
            statement.setLong(2, seq);
            statement.setString(3, decisionId);
            try (var rows = statement.executeQuery()) {
                LedgerRows.read(rows, segment, (b, d) -> {
                    block.add(b);
                    found.addAll(d);
                }, () -> false);
            }
            return null;
        });
        List<String> hashes = jdbc.prepareStatement("SELECT record_hash FROM decision_audit WHERE segment_id = ? AND block_seq = ? "
                + "ORDER BY leaf_index", statement -> {
            statement.setInt(1, segment);
            statement.setLong(2, seq);
            List<String> leaves = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    leaves.add(rows.getString(1));
                }
            }
            return leaves;
        });
        LedgerCheck.StoredDecision mine = found.get(0);
        Checkpoint covering = checkpoints.covering(segment, seq);
        Integer blockIndex = null;
        List<LedgerHash.Step> checkpointPath = null;
        if (covering != null) {
            Checkpoint.Head head = covering.head(segment);
            blockIndex = (int) (seq - head.from() - 1);
            checkpointPath = LedgerHash.merklePath(checkpoints.coveredBlockHashes(head), blockIndex);
        }
        return Optional.of(new DecisionProof(mine.record(), mine.storedHash(), block.get(0), mine.leafIndex(),
                LedgerHash.merklePath(hashes, mine.leafIndex()), covering, blockIndex, checkpointPath));
    }

    /** A decision audited before the ledger: proved by verifying the legacy chain whole. */
    static final class LegacyDecisionHasNoProof extends org.zalando.problem.AbstractThrowableProblem {
        LegacyDecisionHasNoProof(String decisionId) {
            super(com.clientvalue.common.Problems.type("legacy-decision"), "Decided before the ledger", org.zalando.problem.Status.CONFLICT,
                    "decision " + decisionId + " was audited before the ledger existed: it is in the legacy segment 0, a hash chain that "
                            + "GET /api/audit/verify checks whole and every checkpoint covers; it has no Merkle proof of its own", null, null,
                    java.util.Map.of("decisionId", decisionId));
        }
    }
}
