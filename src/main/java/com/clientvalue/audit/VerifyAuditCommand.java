package com.clientvalue.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * {@code java -jar client-decisions.jar verify-audit FILE --public-key KEY.pub.pem}: checks an audit
 * export (GET /api/audit/export) or the proof of one decision (GET /api/audit/decisions/{id}/proof)
 * with the auditors' copy of the public key, without the service or its database. Exit code 0 when
 * everything holds, 1 when something does not (named on the output), 2 on a usage error.
 */
public final class VerifyAuditCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerifyAuditCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 4 || !args[2].equals("--public-key")) {
            err.println("usage: java -jar client-decisions.jar verify-audit FILE --public-key AUDIT-KEY.pub.pem");
            err.println("  FILE: an export (GET /api/audit/export, .jsonl.gz) or a proof (GET /api/audit/decisions/{id}/proof, .json)");
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            PublicKey key = AuditKey.publicKey(Files.readString(Path.of(args[3])));
            List<String> problems = isGzip(file) ? export(file, key, out) : proof(file, key, out);
            if (problems.isEmpty()) {
                out.println("intact");
                return 0;
            }
            problems.forEach(problem -> out.println("NOT INTACT: " + problem));
            return 1;
        } catch (GeneralSecurityException e) {
            err.println(args[3] + " is not an Ed25519 public key in PEM");
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println(file + " cannot be read as an audit export or a proof: " + e.getMessage());
            return 2;
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static List<String> proof(Path file, PublicKey key, PrintStream out) throws IOException {
        JsonNode proof = JSON.readTree(file.toFile());
        JsonNode checkpoint = proof.get("checkpoint");
        DecisionProof read = new DecisionProof(record(proof.get("record")), proof.get("recordHash").asText(), block(proof.get("block")),
                proof.get("leafIndex").asInt(), steps(proof.get("merklePath")), checkpoint == null || checkpoint.isNull() ? null : checkpoint(checkpoint),
                proof.hasNonNull("blockIndex") ? proof.get("blockIndex").asInt() : null,
                proof.hasNonNull("checkpointPath") ? steps(proof.get("checkpointPath")) : null);
        String problem = read.problem(key);
        out.println("decision " + read.record().decisionId() + " of client " + read.record().clientId() + ", decided "
                + read.record().decidedAt() + ": block " + read.block().seq() + " of segment " + read.block().segment()
                + (read.checkpoint() == null ? "" : ", checkpoint " + read.checkpoint().id() + " of " + read.checkpoint().createdAt()));
        return problem == null ? List.of() : List.of(problem);
    }

    private static List<String> export(Path file, PublicKey key, PrintStream out) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        LedgerCheck check = null;
        LedgerCheck.Segment segment = null;
        long headSeq = 0;
        String headHash = null;
        LedgerBlock block = null;
        List<LedgerCheck.StoredDecision> decisions = new ArrayList<>();
        Legacy legacy = null;
        long records = 0;
        long blocks = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
            String text;
            while ((text = lines.readLine()) != null) {
                JsonNode line = JSON.readTree(text);
                String type = line.get("type").asText();
                if (!type.equals("decision") && block != null) {
                    segment.block(block, decisions);
                    block = null;
                    decisions = new ArrayList<>();
                }
                switch (type) {
                    case "header" -> {
                        if (!AuditExport.FORMAT.equals(line.get("format").asText())) {
                            throw new IllegalArgumentException("unknown export format " + line.get("format"));
                        }
                    }
                    case "checkpoint" -> checkpoints.add(checkpoint(line.get("checkpoint")));
                    case "legacyHead" -> {
                        check = new LedgerCheck(checkpoints, key);
                        problems.addAll(check.checkpointProblems());
                        legacy = new Legacy(line.get("seq").asLong(), line.get("hash").asText(), line.get("archivedThrough").asLong(),
                                line.get("archivedHash").asText());
                        for (Checkpoint checkpoint : checkpoints) {
                            Checkpoint.Head head = checkpoint.head(0);
                            if (head == null || head.head() != legacy.headSeq || !head.headHash().equals(legacy.headHash)) {
                                problems.add("checkpoint " + checkpoint.id() + " signed another head of the legacy segment 0 than the "
                                        + "chain has: the legacy chain was rewritten");
                            }
                        }
                    }
                    case "legacy" -> {
                        String problem = legacy.next(line);
                        if (problem != null && legacy.problem == null) {
                            legacy.problem = problem;
                        }
                        records++;
                    }
                    case "segment" -> {
                        finish(segment, headSeq, headHash, problems);
                        segment = check.segment(line.get("segment").asInt());
                        headSeq = line.get("headSeq").asLong();
                        headHash = line.get("headHash").asText();
                    }
                    case "block" -> {
                        block = block(line.get("block"));
                        blocks++;
                    }
                    case "decision" -> {
                        decisions.add(new LedgerCheck.StoredDecision(record(line.get("record")), line.get("recordHash").asText(),
                                line.get("leafIndex").asInt()));
                        records++;
                    }
                    case "firedSet" -> {
                        List<String> rules = new ArrayList<>();
                        line.get("rules").forEach(rule -> rules.add(rule.asText()));
                        if (!line.get("id").asText().equals(LedgerHash.sha256(String.join("\n", rules)))) {
                            problems.add("the list of fired rules " + line.get("id").asText() + " was changed: its rules no longer give its id");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown line type " + type);
                }
            }
        }
        if (block != null) {
            segment.block(block, decisions);
        }
        finish(segment, headSeq, headHash, problems);
        if (legacy == null) {
            throw new IllegalArgumentException("the export has no legacy head line: it is incomplete");
        }
        String legacyEnd = legacy.end();
        if (legacyEnd != null) {
            problems.add("legacy segment 0: " + legacyEnd);
        }
        out.println(checkpoints.size() + " checkpoints" + (checkpoints.isEmpty() ? "" : ", the newest " + checkpoints.get(checkpoints.size() - 1).id()
                + " of " + checkpoints.get(checkpoints.size() - 1).createdAt()) + "; " + blocks + " blocks, " + records + " decisions");
        return problems;
    }

    private static void finish(LedgerCheck.Segment segment, long headSeq, String headHash, List<String> problems) {
        if (segment != null) {
            LedgerCheck.SegmentResult result = segment.finish(headSeq, headHash);
            if (!result.intact()) {
                problems.add(result.problem());
            }
        }
    }

    /** The pre-ledger chain: each record links to the one before; it ends at its head. */
    private static final class Legacy {
        final long headSeq;
        final String headHash;
        long expected;
        String previous;
        String problem;

        Legacy(long headSeq, String headHash, long archivedThrough, String archivedHash) {
            this.headSeq = headSeq;
            this.headHash = headHash;
            this.expected = archivedThrough + 1;
            this.previous = archivedHash;
        }

        String next(JsonNode line) {
            long seq = line.get("seq").asLong();
            String id = line.get("decisionId").asText();
            if (seq != expected) {
                return "record " + expected + " is missing";
            }
            if (!line.get("previous").asText().equals(previous)) {
                return "record " + seq + " (" + id + "): its link to record " + (seq - 1) + " does not match that record's hash";
            }
            String recomputed = AuditChain.link(previous, line.get("canonical").asText());
            if (!recomputed.equals(line.get("hash").asText())) {
                return "record " + seq + " (" + id + "): its content does not match its hash: the record was changed";
            }
            previous = recomputed;
            expected++;
            return null;
        }

        String end() {
            if (problem != null) {
                return problem;
            }
            if (expected - 1 != headSeq || (headSeq > 0 && !previous.equals(headHash))) {
                return "the chain ends at record " + (expected - 1) + " but its head says " + headSeq;
            }
            return null;
        }
    }

    private static LedgerRecord record(JsonNode node) {
        return new LedgerRecord(node.get("decisionId").asText(), node.get("clientId").asText(), LocalDate.parse(node.get("asOf").asText()),
                node.get("ruleVersion").asText(), Instant.parse(node.get("decidedAt").asText()), node.get("kind").asText(),
                node.get("whatIf").asBoolean(), node.hasNonNull("jobId") ? node.get("jobId").asLong() : null, text(node, "cluster"),
                text(node, "lifecycle"), text(node, "experienceSegment"), text(node, "lastActiveCluster"), node.get("firedSet").asText(),
                text(node, "document"));
    }

    private static LedgerBlock block(JsonNode node) {
        return new LedgerBlock(node.get("segment").asInt(), node.get("seq").asLong(), node.get("previous").asText(),
                node.get("merkleRoot").asText(), node.get("decisions").asInt(), Instant.parse(node.get("writtenAt").asText()),
                node.get("hash").asText(), node.hasNonNull("archiveId") ? node.get("archiveId").asLong() : null);
    }

    private static Checkpoint checkpoint(JsonNode node) {
        List<Checkpoint.Head> heads = new ArrayList<>();
        node.get("heads").forEach(head -> heads.add(new Checkpoint.Head(head.get("segment").asInt(), head.get("kind").asText(),
                head.get("from").asLong(), head.get("head").asLong(), head.get("headHash").asText(), head.get("blocksRoot").asText())));
        return new Checkpoint(node.get("id").asLong(), Instant.parse(node.get("createdAt").asText()), node.get("createdBy").asText(),
                node.get("previousHash").asText(), heads, node.get("segmentsRoot").asText(), node.get("hash").asText(),
                node.get("keyId").asText(), node.get("signature").asText());
    }

    private static List<LedgerHash.Step> steps(JsonNode node) {
        List<LedgerHash.Step> steps = new ArrayList<>();
        node.forEach(step -> steps.add(new LedgerHash.Step(step.get("hash").asText(), step.get("left").asBoolean())));
        return steps;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
