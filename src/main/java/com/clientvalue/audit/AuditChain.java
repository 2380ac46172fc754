package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The pre-ledger hash chain over the decision audit: since the ledger (V22) the closed LEGACY
 * segment 0, no longer extended, verified whole as before and covered by every checkpoint. record_hash = SHA-256 of prev_hash, a newline and the
 * canonical form of the record: its columns in a fixed order, one "name=value" line each (empty
 * for null; decided_at in ISO-8601 UTC with microseconds), the decision document last, exactly as
 * stored. The first record links to 64 zeros. Changing, removing or inserting a record breaks the
 * link of the record after it; removing the newest ones is seen against the head row. Records
 * archived under retention are accounted for by the archive's checkpoint (its last link).
 */
@Singleton
@Connectable
public class AuditChain {
    static final String GENESIS = "0".repeat(64);
    private final JdbcOperations jdbc;

    AuditChain(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest link of the chain. */
    private record Head(long seq, String hash) {
    }

    private Head head(boolean lock) {
        return jdbc.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1" + (lock ? " FOR UPDATE" : ""), statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new Head(rows.getLong(1), rows.getString(2));
            }
        });
    }

    /** What a verification found: how many records were checked and the first broken link, if any. */
    @Serdeable
    public record Verification(boolean intact, long recordsChecked, @Nullable Long firstBrokenSeq,
                               @Nullable String firstBrokenDecisionId, @Nullable String problem, long headSeq) {
    }

    /** Recomputes every link in order; stops at the first that does not hold. */
    @Transactional(readOnly = true)
    public Verification verify() {
        Head current = head(false);
        long[] head = {current.seq()};
        String[] headHash = {current.hash()};
        // records archived under retention end at a checkpoint: the kept chain must start right after it
        long[] archivedThrough = new long[1];
        String[] archivedHash = {GENESIS};
        jdbc.prepareStatement("SELECT through_seq, last_hash FROM audit_archive ORDER BY through_seq DESC LIMIT 1", statement -> {
            try (var rows = statement.executeQuery()) {
                if (rows.next()) {
                    archivedThrough[0] = rows.getLong(1);
                    archivedHash[0] = rows.getString(2);
                }
            }
            return null;
        });
        return jdbc.prepareStatement("SELECT chain_seq, prev_hash, record_hash, decision_id, client_id, as_of, rule_version, "
                + "decided_at, kind, job_id, cluster, lifecycle, experience_segment, decision FROM decision_audit "
                + "WHERE chain_seq IS NOT NULL ORDER BY chain_seq", statement -> {
            statement.setFetchSize(1_000); // stream the rows: the audit may be large
            long checked = 0;
            long expectedSeq = -1;
            String previous = null;
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong("chain_seq");
                    String decisionId = rows.getString("decision_id");
                    if (expectedSeq < 0) {
                        expectedSeq = archivedThrough[0] + 1;
                        previous = archivedHash[0];
                        if (seq != expectedSeq) {
                            return broken(checked, expectedSeq, decisionId, "record " + expectedSeq + " is missing and no archive "
                                    + "accounts for it (the first kept is " + seq + ")", head[0]);
                        }
                        if (!previous.equals(rows.getString("prev_hash"))) {
                            return broken(checked, seq, decisionId, archivedThrough[0] == 0
                                    ? "the first record does not link to the start of the chain"
                                    : "the first kept record does not link to the last archived one (" + archivedThrough[0] + ")", head[0]);
                        }
                    }
                    if (seq != expectedSeq) {
                        return broken(checked, expectedSeq, decisionId, "record " + expectedSeq + " is missing (the next kept is "
                                + seq + ")", head[0]);
                    }
                    if (!previous.equals(rows.getString("prev_hash"))) {
                        return broken(checked, seq, decisionId, "its link to record " + (seq - 1) + " does not match that record's hash",
                                head[0]);
                    }
                    String recomputed = link(previous, canonical(rows));
                    if (!recomputed.equals(rows.getString("record_hash"))) {
                        return broken(checked, seq, decisionId, "its content does not match its hash: the record was changed", head[0]);
                    }
                    previous = recomputed;
                    checked++;
                    expectedSeq++;
                }
            }
            long last = expectedSeq < 0 ? archivedThrough[0] : expectedSeq - 1;
            String lastHash = expectedSeq < 0 ? archivedHash[0] : previous;
            if (last != head[0] || (head[0] > 0 && !lastHash.equals(headHash[0]))) {
                return broken(checked, last + 1, null, "the chain ends at record " + last + " but its head says " + head[0]
                        + ": the newest records were removed", head[0]);
            }
            return new Verification(true, checked, null, null, null, head[0]);
        });
    }

    private static Verification broken(long checked, long seq, String decisionId, String problem, long head) {
        return new Verification(false, checked, seq, decisionId, problem, head);
    }

    private static String canonical(ResultSet rows) throws SQLException {
        Object job = rows.getObject("job_id");
        return canonical(rows.getString("decision_id"), rows.getString("client_id"), rows.getDate("as_of").toLocalDate(),
                rows.getString("rule_version"), rows.getTimestamp("decided_at").toInstant(), rows.getString("kind"),
                job == null ? null : ((Number) job).longValue(), rows.getString("cluster"), rows.getString("lifecycle"),
                rows.getString("experience_segment"), rows.getString("decision"));
    }

    static String canonical(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt, String kind,
                            @Nullable Long jobId, @Nullable String cluster, @Nullable String lifecycle, @Nullable String experience,
                            String document) {
        return LedgerHash.canonical(decisionId, clientId, asOf, ruleVersion, decidedAt, kind, jobId, cluster, lifecycle, experience,
                document);
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(micros(instant));
    }

    static String link(String previous, String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
