package com.clientvalue.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Every hash of the audit ledger, in plain Java so that the service and the standalone verifier
 * compute exactly the same bytes (src/docs/audit.md states each form for auditors who write their own).
 * <ul>
 * <li>a decision's record hash: SHA-256 of its canonical record (its index columns as name=value
 * lines, the decision document last, exactly as answered);</li>
 * <li>a block's Merkle root over its decisions' record hashes in leaf order, as RFC 6962 defines
 * it (leaf = SHA-256(0x00 ‖ hash), node = SHA-256(0x01 ‖ left ‖ right));</li>
 * <li>a block's hash: SHA-256 of its header lines, which name the previous block's hash;</li>
 * <li>a checkpoint: its text (one line per segment head and the Merkle root of the block hashes it
 * newly covers), hashed and signed with Ed25519.</li>
 * </ul>
 */
public final class LedgerHash {
    /** The previous hash of a segment's first block, and of the first checkpoint. */
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private LedgerHash() {
    }

    public static String sha256(String text) {
        return HEX.formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SHA-256 of a text's UTF-8 bytes followed by these bytes: sha256(text + (the bytes as UTF-8 text)) without decoding them. */
    static String sha256(String text, byte[] then) {
        MessageDigest digest = digest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest(then));
    }

    /** The canonical record of a pre-ledger decision (the LEGACY segment): what its record hash is the SHA-256 of. */
    public static String canonical(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                                   String kind, Long jobId, String cluster, String lifecycle, String experience, String document) {
        return columns(decisionId, clientId, asOf, ruleVersion, decidedAt, kind, jobId, cluster, lifecycle, experience)
                + "\ndecision=" + document;
    }

    /** The index columns both canonical forms start with, one name=value line each. */
    static String columns(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                          String kind, Long jobId, String cluster, String lifecycle, String experience) {
        return "decision_id=" + decisionId + "\nclient_id=" + clientId + "\nas_of=" + asOf + "\nrule_version=" + ruleVersion
                + "\ndecided_at=" + decidedAt.truncatedTo(ChronoUnit.MICROS) + "\nkind=" + kind + "\njob_id=" + (jobId == null ? "" : jobId)
                + "\ncluster=" + text(cluster) + "\nlifecycle=" + text(lifecycle) + "\nexperience_segment=" + text(experience);
    }

    /** The hash of a block: its header, which links it to the previous block of its segment. */
    public static String block(int segment, long seq, String previous, String merkleRoot, int decisions, Instant writtenAt) {
        return sha256("block\nsegment=" + segment + "\nseq=" + seq + "\nprevious=" + previous + "\nroot=" + merkleRoot
                + "\ndecisions=" + decisions + "\nwritten_at=" + writtenAt.truncatedTo(ChronoUnit.MICROS));
    }

    /** RFC 6962 Merkle tree hash of these hashes (hex), in order; 64 zeros for none. */
    public static String merkleRoot(List<String> hashes) {
        if (hashes.isEmpty()) {
            return GENESIS;
        }
        List<byte[]> level = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            level.add(leaf(hash));
        }
        return HEX.formatHex(root(level, 0, level.size()));
    }

    /** One step of an audit path: the sibling's hash and whether it stands left of the path. */
    @io.micronaut.serde.annotation.Serdeable
    public record Step(String hash, boolean left) {
    }

    /** The audit path of the leaf at this index (RFC 6962 PATH), from the leaf up to the root. */
    public static List<Step> merklePath(List<String> hashes, int index) {
        if (index < 0 || index >= hashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " of " + hashes.size());
        }
        List<byte[]> leaves = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            leaves.add(leaf(hash));
        }
        List<Step> steps = new ArrayList<>();
        path(leaves, 0, leaves.size(), index, steps);
        return steps;
    }

    /** The root an audit path leads to from this leaf hash; equal to the tree's root when the leaf is in it. */
    public static String rootFromPath(String leafHash, List<Step> path) {
        byte[] node = leaf(leafHash);
        for (Step step : path) {
            byte[] sibling = HEX.parseHex(step.hash());
            node = step.left() ? node(sibling, node) : node(node, sibling);
        }
        return HEX.formatHex(node);
    }

    private static void path(List<byte[]> leaves, int from, int to, int index, List<Step> steps) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < from + k) {
            path(leaves, from, from + k, index, steps);
            steps.add(new Step(HEX.formatHex(root(leaves, from + k, to)), false));
        } else {
            path(leaves, from + k, to, index, steps);
            steps.add(new Step(HEX.formatHex(root(leaves, from, from + k)), true));
        }
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leaf(String hash) {
        MessageDigest digest = digest();
        digest.update((byte) 0);
        return digest.digest(HEX.parseHex(hash));
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = digest();
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    // one digest per thread: looking the algorithm up for every hash was a tenth of a verification's time.
    // Each use hashes in one go (no other hash in between), and digest() leaves it reset for the next
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static MessageDigest digest() {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        return digest;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
