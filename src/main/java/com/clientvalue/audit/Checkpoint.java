package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A signed checkpoint: one record that commits to the head of every segment at one moment, and to
 * the checkpoint before it. Its text is what is hashed and signed (Ed25519); see {@link #text()}.
 */
@Serdeable
@Schema(description = "A signed checkpoint of the audit ledger: the head of every segment, the Merkle root of the block hashes "
        + "it newly covers per segment, the root over the heads, the previous checkpoint's hash, signed with Ed25519 by a key "
        + "kept outside the database. text is exactly what was signed.")
public record Checkpoint(long id, Instant createdAt, String createdBy, String previousHash, List<Head> heads, String segmentsRoot,
                         String hash, String keyId, String signature) {

    /**
     * One segment at the checkpoint: blocks (from, head] are newly covered (from = the head at the
     * previous checkpoint), blocksRoot is the Merkle root of their block hashes. For the LEGACY
     * segment head is the last record of the old chain and headHash its record hash.
     */
    @Serdeable
    public record Head(int segment, String kind, long from, long head, String headHash, String blocksRoot) {
        String line() {
            return "segment=" + segment + " kind=" + kind + " from=" + from + " head=" + head + " hash=" + headHash
                    + " blocks=" + blocksRoot;
        }

        static Head parse(String line) {
            String[] parts = line.split(" ");
            return new Head(Integer.parseInt(value(parts[0])), value(parts[1]), Long.parseLong(value(parts[2])),
                    Long.parseLong(value(parts[3])), value(parts[4]), value(parts[5]));
        }

        private static String value(String part) {
            return part.substring(part.indexOf('=') + 1);
        }
    }

    /** A checkpoint before it is signed. */
    static Checkpoint unsigned(long id, Instant createdAt, String createdBy, String previousHash, List<Head> heads) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MICROS);
        String root = segmentsRoot(heads);
        Checkpoint draft = new Checkpoint(id, at, createdBy, previousHash, heads, root, "", "", "");
        return new Checkpoint(id, at, createdBy, previousHash, heads, root, LedgerHash.sha256(draft.text()), "", "");
    }

    Checkpoint signed(String keyId, String signature) {
        return new Checkpoint(id, createdAt, createdBy, previousHash, heads, segmentsRoot, hash, keyId, signature);
    }

    /** The Merkle root over the SHA-256 of each head line, in segment order. */
    static String segmentsRoot(List<Head> heads) {
        List<String> lines = new ArrayList<>(heads.size());
        for (Head head : heads) {
            lines.add(LedgerHash.sha256(head.line()));
        }
        return LedgerHash.merkleRoot(lines);
    }

    /** What is hashed and signed: one name=value line each, the heads in segment order. */
    public String text() {
        StringBuilder text = new StringBuilder("checkpoint\nid=").append(id).append("\ncreated_at=").append(createdAt)
                .append("\ncreated_by=").append(createdBy).append("\nprevious=").append(previousHash).append('\n');
        for (Head head : heads) {
            text.append(head.line()).append('\n');
        }
        return text.append("root=").append(segmentsRoot).toString();
    }

    String headLines() {
        StringBuilder lines = new StringBuilder();
        for (Head head : heads) {
            lines.append(head.line()).append('\n');
        }
        return lines.toString();
    }

    static List<Head> parseHeads(String lines) {
        List<Head> heads = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                heads.add(Head.parse(line));
            }
        }
        return heads;
    }

    @Nullable
    Head head(int segment) {
        return heads.stream().filter(h -> h.segment() == segment).findFirst().orElse(null);
    }

    /** What does not hold of this checkpoint on its own, or null: its hash, its root, its signature by this key. */
    @Nullable
    public String problem(PublicKey key, String expectedKeyId) {
        if (!segmentsRoot.equals(segmentsRoot(heads))) {
            return "checkpoint " + id + ": its root does not match its segment heads";
        }
        if (!hash.equals(LedgerHash.sha256(text()))) {
            return "checkpoint " + id + ": its content does not match its hash";
        }
        if (!keyId.equals(expectedKeyId)) {
            return "checkpoint " + id + ": signed by key " + keyId + ", not by the audit key " + expectedKeyId;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature)) ? null
                    : "checkpoint " + id + ": its signature does not hold: the checkpoint was changed or not signed with the audit key";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "checkpoint " + id + ": its signature cannot be read";
        }
    }
}
