package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.security.PublicKey;
import java.util.List;

/**
 * The proof that one decision is in the audit as it was answered: its record, the block holding it
 * with the Merkle path from its record hash to the block's root, and the signed checkpoint covering
 * that block with the Merkle path from the block's hash to the root of the blocks it covers. Checked
 * with the audit's public key alone ({@link #problem}), without the service or its database.
 */
@Serdeable
@Schema(description = "Proof of one decision: record → Merkle path → block → Merkle path → signed checkpoint (src/docs/audit.md). "
        + "checkpoint is null while no checkpoint covers the block yet (POST /api/audit/checkpoints makes one).")
public record DecisionProof(LedgerRecord record, String recordHash, LedgerBlock block, int leafIndex, List<LedgerHash.Step> merklePath,
                            @Nullable Checkpoint checkpoint, @Nullable Integer blockIndex, @Nullable List<LedgerHash.Step> checkpointPath) {

    /** What does not hold, or null when the proof holds under this key. */
    @Nullable
    public String problem(PublicKey key) {
        String decision = "decision " + record.decisionId();
        if (!record.recordHash().equals(recordHash)) {
            return decision + ": its content does not match its record hash";
        }
        if (!LedgerHash.rootFromPath(recordHash, merklePath).equals(block.merkleRoot())) {
            return decision + ": its Merkle path does not lead to the root of block " + block.seq() + " of segment " + block.segment();
        }
        if (!block.computedHash().equals(block.hash())) {
            return "block " + block.seq() + " of segment " + block.segment() + ": its header does not match its hash";
        }
        if (checkpoint == null) {
            return "no checkpoint covers block " + block.seq() + " of segment " + block.segment() + " yet";
        }
        String signature = checkpoint.problem(key, AuditKey.keyId(key));
        if (signature != null) {
            return signature;
        }
        Checkpoint.Head head = checkpoint.head(block.segment());
        if (head == null || head.from() >= block.seq() || head.head() < block.seq() || blockIndex == null || checkpointPath == null
                || blockIndex != block.seq() - head.from() - 1) {
            return "checkpoint " + checkpoint.id() + " does not cover block " + block.seq() + " of segment " + block.segment();
        }
        if (!LedgerHash.rootFromPath(block.hash(), checkpointPath).equals(head.blocksRoot())) {
            return "block " + block.seq() + " of segment " + block.segment() + " is not among the blocks checkpoint " + checkpoint.id()
                    + " signed";
        }
        return null;
    }
}
