package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verification of a ledger, fed block by block: by the service from MariaDB and by the
 * standalone verifier from an export, so both check exactly the same things. Each problem names the
 * checkpoint, segment, block or decision at fault.
 * <ul>
 * <li>checkpoints: numbered from 1 without a gap, each linking to the previous one's hash, its hash
 * and root matching its content, signed by the audit key;</li>
 * <li>per segment, blocks numbered from 1 without a gap, each linking to the previous one, its
 * header matching its hash, its decisions giving its Merkle root, each decision matching its record
 * hash; the blocks a checkpoint covers are the ones it signed (a rewritten segment does not match);
 * the segment's head row names its last block.</li>
 * </ul>
 */
public final class LedgerCheck {
    private final List<String> checkpointProblems = new ArrayList<>();
    private final Map<Integer, List<Checkpoint>> bySegment = new HashMap<>();
    private final List<Checkpoint> checkpoints;

    public LedgerCheck(List<Checkpoint> checkpoints, PublicKey key) {
        this.checkpoints = checkpoints;
        String keyId = AuditKey.keyId(key);
        String previous = LedgerHash.GENESIS;
        long expected = 1;
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.id() != expected) {
                checkpointProblems.add("checkpoint " + expected + " is missing (the next is " + checkpoint.id() + ")");
            } else if (!checkpoint.previousHash().equals(previous)) {
                checkpointProblems.add("checkpoint " + checkpoint.id() + " does not link to checkpoint " + (checkpoint.id() - 1));
            }
            String problem = checkpoint.problem(key, keyId);
            if (problem != null) {
                checkpointProblems.add(problem);
            }
            for (Checkpoint.Head head : checkpoint.heads()) {
                bySegment.computeIfAbsent(head.segment(), s -> new ArrayList<>()).add(checkpoint);
            }
            previous = checkpoint.hash();
            expected = checkpoint.id() + 1;
        }
    }

    public List<String> checkpointProblems() {
        return checkpointProblems;
    }

    public List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** A segment's head as one checkpoint signed it. */
    record Signed(long checkpoint, Checkpoint.Head head) {
    }

    /** The heads checkpoints signed of one segment that has blocks, oldest first. */
    List<Signed> heads(int segment) {
        List<Signed> heads = new ArrayList<>();
        for (Checkpoint checkpoint : bySegment.getOrDefault(segment, List.of())) {
            Checkpoint.Head head = checkpoint.head(segment);
            if (head.head() > 0) {
                heads.add(new Signed(checkpoint.id(), head));
            }
        }
        return heads;
    }

    /** A decision of a block as stored: its record and the record hash stored beside it. */
    public record StoredDecision(LedgerRecord record, String storedHash, int leafIndex, @Nullable String recomputedHash) {
        public StoredDecision(LedgerRecord record, String storedHash, int leafIndex) {
            this(record, storedHash, leafIndex, null);
        }

        /** The record hash its content gives: computed when it was read, or now from its record. */
        String contentHash() {
            return recomputedHash != null ? recomputedHash : record.recordHash();
        }
    }

    public Segment segment(int segment) {
        return new Segment(segment);
    }

    /** What one segment's verification found. */
    @io.micronaut.serde.annotation.Serdeable
    public record SegmentResult(int segment, boolean intact, long blocks, long records, long headSeq, @Nullable String problem,
                                @Nullable Long brokenBlock, @Nullable String brokenDecisionId) {
    }

    /** The verification of one segment: blocks in order, then {@link #finish}. Stops at the first problem. */
    public final class Segment {
        private final int id;
        private final List<Signed> heads;
        private int nextHead;
        private final List<String> coveredHashes = new ArrayList<>();
        private long expectedSeq = 1;
        private String previous = LedgerHash.GENESIS;
        private long blocks;
        private long records;
        private String problem;
        private Long brokenBlock;
        private String brokenDecisionId;

        Segment(int id) {
            this.id = id;
            this.heads = heads(id);
        }

        public boolean broken() {
            return problem != null;
        }

        /** One block with its decisions in leaf order (none when its decisions were archived). */
        public void block(LedgerBlock block, List<StoredDecision> decisions) {
            if (problem != null) {
                return;
            }
            String where = "block " + block.seq() + " of segment " + id;
            if (block.seq() != expectedSeq) {
                fail(expectedSeq, null, "block " + expectedSeq + " of segment " + id + " is missing (the next kept is " + block.seq() + ")");
                return;
            }
            if (!block.previous().equals(previous)) {
                fail(block.seq(), null, where + " does not link to the hash of block " + (block.seq() - 1));
                return;
            }
            if (!block.hash().equals(block.computedHash())) {
                fail(block.seq(), null, where + ": its header does not match its hash: the block was changed");
                return;
            }
            if (block.archiveId() == null) {
                List<String> hashes = new ArrayList<>(decisions.size());
                for (StoredDecision decision : decisions) {
                    String recomputed = decision.contentHash();
                    if (!recomputed.equals(decision.storedHash())) {
                        fail(block.seq(), decision.record().decisionId(), "decision " + decision.record().decisionId() + " (" + where
                                + "): its content does not match its record hash: the record was changed");
                        return;
                    }
                    if (decision.leafIndex() != hashes.size()) {
                        fail(block.seq(), decision.record().decisionId(), where + ": decision " + hashes.size() + " of the block is missing");
                        return;
                    }
                    hashes.add(recomputed);
                }
                if (hashes.size() != block.decisions()) {
                    fail(block.seq(), null, where + " holds " + block.decisions() + " decisions but " + hashes.size() + " are stored");
                    return;
                }
                if (!LedgerHash.merkleRoot(hashes).equals(block.merkleRoot())) {
                    fail(block.seq(), null, where + ": its decisions do not give its Merkle root: a decision was added, removed or replaced");
                    return;
                }
                records += hashes.size();
            }
            coveredHashes.add(block.hash());
            while (nextHead < heads.size() && heads.get(nextHead).head().head() == block.seq()) {
                Checkpoint.Head head = heads.get(nextHead).head();
                long checkpointId = heads.get(nextHead).checkpoint();
                if (!head.headHash().equals(block.hash())) {
                    fail(block.seq(), null, where + " is not the block checkpoint " + checkpointId + " signed: the segment was rewritten");
                    return;
                }
                if (!head.blocksRoot().equals(LedgerHash.merkleRoot(coveredHashes))) {
                    fail(block.seq(), null, "the blocks of segment " + id + " up to " + block.seq() + " are not those checkpoint "
                            + checkpointId + " signed: the segment was rewritten");
                    return;
                }
                coveredHashes.clear();
                nextHead++;
            }
            previous = block.hash();
            expectedSeq++;
            blocks++;
        }

        /** After the last block: the segment's head row must name it, and no checkpoint may cover more. */
        public SegmentResult finish(long headSeq, String headHash) {
            long last = expectedSeq - 1;
            if (problem == null && nextHead < heads.size()) {
                fail(last + 1, null, "checkpoint " + heads.get(nextHead).checkpoint() + " covers block " + heads.get(nextHead).head().head()
                        + " of segment " + id + ", which is missing: blocks were removed");
            }
            if (problem == null && (headSeq != last || !headHash.equals(previous))) {
                fail(last + 1, null, "segment " + id + " ends at block " + last + " but its head says " + headSeq
                        + ": the newest blocks were removed or the head was changed");
            }
            return new SegmentResult(id, problem == null, blocks, records, headSeq, problem, brokenBlock, brokenDecisionId);
        }

        private void fail(long block, @Nullable String decisionId, String text) {
            problem = text;
            brokenBlock = block;
            brokenDecisionId = decisionId;
        }
    }
}
