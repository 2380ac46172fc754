package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies the whole audit from MariaDB: the signed checkpoints, every ledger segment (in parallel,
 * each on a connection of its own) and the pre-ledger chain (the LEGACY segment), which every
 * checkpoint must name as it is; and the lists of fired rules the decisions name.
 */
@Singleton
public class AuditVerification {
    private final DataSource dataSource;
    private final AuditChain legacy;
    private final AuditCheckpoints checkpoints;
    private final AuditKey key;

    AuditVerification(DataSource dataSource, AuditChain legacy, AuditCheckpoints checkpoints, AuditKey key) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.legacy = legacy;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @Serdeable
    @Schema(description = "The result of verifying the audit. intact is true when every checkpoint, segment, block and decision holds; "
            + "otherwise problem names the first thing at fault (and firstBrokenDecisionId the decision, when one is)")
    public record Verification(boolean intact, long recordsChecked, long blocksChecked, @Nullable String problem,
                               @Nullable String firstBrokenDecisionId, List<LedgerCheck.SegmentResult> segments,
                               Checkpoints checkpoints, AuditChain.Verification legacy, long millis) {
    }

    @Serdeable
    @Schema(description = "The signed checkpoints: how many were checked, the newest (an auditor compares it with the last one kept), "
            + "and the key they must be signed with")
    public record Checkpoints(int checked, @Nullable Long latestId, @Nullable java.time.Instant latestAt, String keyId,
                              @Nullable String problem) {
    }

    public Verification verify() {
        long started = System.nanoTime();
        List<Checkpoint> signed = checkpoints.all();
        LedgerCheck check = new LedgerCheck(signed, key.publicKey());
        AuditChain.Verification old = legacy.verify();
        List<String> problems = new ArrayList<>(check.checkpointProblems());
        String legacyProblem = legacyAgainstCheckpoints(signed);
        if (legacyProblem != null) {
            problems.add(legacyProblem);
        }
        String firedSets = firedSetsProblem();
        List<LedgerCheck.SegmentResult> segments = segments(check);
        String first = problems.isEmpty() ? null : problems.get(0);
        String brokenDecision = null;
        if (first == null && !old.intact()) {
            first = "legacy segment 0: " + old.problem();
            brokenDecision = old.firstBrokenDecisionId();
        }
        for (LedgerCheck.SegmentResult segment : segments) {
            if (first == null && !segment.intact()) {
                first = segment.problem();
                brokenDecision = segment.brokenDecisionId();
            }
        }
        if (first == null) {
            first = firedSets;
        }
        Checkpoint latest = signed.isEmpty() ? null : signed.get(signed.size() - 1);
        return new Verification(first == null, old.recordsChecked() + segments.stream().mapToLong(LedgerCheck.SegmentResult::records).sum(),
                segments.stream().mapToLong(LedgerCheck.SegmentResult::blocks).sum(), first, brokenDecision, segments,
                new Checkpoints(signed.size(), latest == null ? null : latest.id(), latest == null ? null : latest.createdAt(),
                        key.keyId(), check.checkpointProblems().isEmpty() ? legacyProblem : check.checkpointProblems().get(0)),
                old, (System.nanoTime() - started) / 1_000_000);
    }

    // the legacy chain is closed: every checkpoint names its head as the chain's head row has it
    @Nullable
    private String legacyAgainstCheckpoints(List<Checkpoint> signed) {
        String[] head = query("SELECT CONCAT(seq, ' ', hash) FROM audit_chain_head WHERE id = 1").split(" ");
        for (Checkpoint checkpoint : signed) {
            Checkpoint.Head legacyHead = checkpoint.head(0);
            if (legacyHead == null || legacyHead.head() != Long.parseLong(head[0]) || !legacyHead.headHash().equals(head[1])) {
                return "checkpoint " + checkpoint.id() + " signed another head of the legacy segment 0 than the chain has: "
                        + "the legacy chain was rewritten";
            }
        }
        return null;
    }

    // a decision names its list of fired rules by the list's SHA-256: a list changed in place no longer matches it
    @Nullable
    private String firedSetsProblem() {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.set_id, COALESCE(GROUP_CONCAT(r.rule_id ORDER BY r.seq SEPARATOR '\\n'), '') "
                     + "FROM fired_rule_set s LEFT JOIN fired_rule_set_rule r ON r.set_id = s.set_id GROUP BY s.set_id")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(LedgerHash.sha256(rows.getString(2)))) {
                    return "the list of fired rules " + rows.getString(1) + " was changed: its rules no longer give its id";
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record SegmentHead(int id, long seq, String hash) {
    }

    private List<LedgerCheck.SegmentResult> segments(LedgerCheck check) {
        List<SegmentHead> heads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT segment_id, head_seq, head_hash FROM audit_segment WHERE kind = 'LEDGER' "
                     + "ORDER BY segment_id")) {
            while (rows.next()) {
                heads.add(new SegmentHead(rows.getInt(1), rows.getLong(2), rows.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        int threads = Math.max(1, Math.min(heads.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LedgerCheck.SegmentResult>> results = new ArrayList<>();
            for (SegmentHead head : heads) {
                results.add(pool.submit(() -> segment(check.segment(head.id()), head)));
            }
            List<LedgerCheck.SegmentResult> done = new ArrayList<>();
            for (Future<LedgerCheck.SegmentResult> result : results) {
                done.add(result.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private LedgerCheck.SegmentResult segment(LedgerCheck.Segment check, SegmentHead head) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(LedgerRows.BLOCKS_WITH_DECISIONS)) {
            statement.setInt(1, head.id());
            statement.setLong(2, head.seq());
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery()) {
                LedgerRows.read(rows, head.id(), check::block, check::broken, false);
            }
        }
        return check.finish(head.seq(), head.hash());
    }

    private String query(String sql) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
