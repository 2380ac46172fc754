package com.clientvalue.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes decisions to the audit, all of a call in one transaction (the caller's, when it has one)
 * before anything is answered; keeps each client's latest decision in business time and the transitions
 * between them (of decisions that are not what-ifs).
 */
@Singleton
public class AuditTrail {
    private final JdbcOperations jdbc;
    private final AuditLedger ledger;
    private final FiredRuleSets firedRuleSets;

    AuditTrail(JdbcOperations jdbc, AuditLedger ledger, FiredRuleSets firedRuleSets) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.firedRuleSets = firedRuleSets;
    }

    /**
     * A decision ready for the ledger: its record, record hash and compressed document, computed by
     * the caller's thread before it joins a write, so that the write under a segment's lock only writes.
     */
    public record Sealed(AuditEntry entry, LedgerRecord record, String recordHash, byte[] body) {
    }

    public static Sealed seal(AuditEntry entry) {
        LedgerRecord record = LedgerRecord.of(entry, FiredRuleSets.id(entry.firedRuleIds()));
        return new Sealed(entry, record, record.recordHash(), DocumentCodec.compress(entry.document()));
    }

    /** Writes these decisions as one block of this segment (see {@link AuditSegments}), in the caller's transaction. */
    @Transactional
    public void record(List<Sealed> decisions, int segment) {
        List<AuditEntry> entries = decisions.stream().map(Sealed::entry).toList();
        firedRuleSets.record(entries);
        ledger.append(segment, decisions);
        recordTransitions(entries);
        recordLatest(entries);
    }

    // a what-if decision keeps its transitions in its document only: the feed is what a CRM acts on
    private void recordTransitions(List<AuditEntry> entries) {
        jdbc.prepareStatement("INSERT INTO decision_transition (decision_id, client_id, decided_at, as_of, rule_version, dimension, "
                + "from_value, to_value, previous_decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (AuditEntry entry : entries) {
                if (entry.whatIf()) {
                    continue;
                }
                for (AuditEntry.TransitionEvent transition : entry.transitions()) {
                    statement.setString(1, entry.decisionId());
                    statement.setString(2, entry.clientId());
                    statement.setTimestamp(3, Timestamp.from(entry.decidedAt()));
                    statement.setDate(4, Date.valueOf(entry.asOf()));
                    statement.setString(5, entry.ruleVersion());
                    statement.setString(6, transition.dimension());
                    statement.setString(7, transition.from());
                    statement.setString(8, transition.to());
                    statement.setString(9, transition.previousDecisionId());
                    statement.addBatch();
                }
            }
            return statement.executeBatch();
        });
    }

    /*
     * The latest in business time only: greatest asOf, then decided last, then greatest id, so that a
     * back-dated decision, or a slower concurrent call, never moves a client's latest decision back.
     * MariaDB assigns left to right and each IF sees the columns already assigned: the key columns go
     * last, decision_id before decided_at before as_of, which keeps the comparison true once it was.
     */
    private void recordLatest(List<AuditEntry> entries) {
        String newer = "(VALUES(as_of), VALUES(decided_at), VALUES(decision_id)) >= (as_of, decided_at, decision_id)";
        jdbc.prepareStatement("INSERT INTO latest_decision (client_id, decision_id, as_of, decided_at, cluster, lifecycle, "
                + "experience_segment, last_active_cluster, action_codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "cluster = IF(" + newer + ", VALUES(cluster), cluster), "
                + "action_codes = IF(" + newer + ", VALUES(action_codes), action_codes), "
                + "lifecycle = IF(" + newer + ", VALUES(lifecycle), lifecycle), "
                + "experience_segment = IF(" + newer + ", VALUES(experience_segment), experience_segment), "
                + "last_active_cluster = IF(" + newer + ", VALUES(last_active_cluster), last_active_cluster), "
                + "decision_id = IF(" + newer + ", VALUES(decision_id), decision_id), "
                + "decided_at = IF(" + newer + ", VALUES(decided_at), decided_at), "
                + "as_of = IF(" + newer + ", VALUES(as_of), as_of)", statement -> {
            // in client order: two lanes writing the same clients lock their rows in the same order, so
            // they wait for each other instead of deadlocking
            List<AuditEntry> inClientOrder = entries.stream().sorted(java.util.Comparator.comparing(AuditEntry::clientId)
                    .thenComparing(AuditEntry::decisionId)).toList();
            for (AuditEntry entry : inClientOrder) {
                statement.setString(1, entry.clientId());
                statement.setString(2, entry.decisionId());
                statement.setDate(3, Date.valueOf(entry.asOf()));
                statement.setTimestamp(4, Timestamp.from(entry.decidedAt()));
                statement.setString(5, entry.cluster());
                statement.setString(6, entry.lifecycle());
                statement.setString(7, entry.experienceSegment());
                statement.setString(8, entry.lastActiveCluster());
                statement.setString(9, String.join(" ", entry.actionCodes()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** A decision document exactly as it was answered: from the ledger, or the column of a pre-ledger decision. */
    @Connectable
    public java.util.Optional<String> document(String decisionId) {
        return jdbc.prepareStatement("SELECT d.body, a.decision FROM decision_audit a LEFT JOIN decision_document d "
                + "ON d.decision_id = a.decision_id WHERE a.decision_id = ?", statement -> {
            statement.setString(1, decisionId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return java.util.Optional.<String>empty();
                }
                byte[] body = rows.getBytes(1);
                return java.util.Optional.of(body != null ? DocumentCodec.decompress(body) : rows.getString(2));
            }
        });
    }

    /** The documents of these decisions, by id (one statement; a decision not in the audit is left out). */
    @Connectable
    public java.util.Map<String, String> documents(java.util.Collection<String> decisionIds) {
        if (decisionIds.isEmpty()) {
            return java.util.Map.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(decisionIds.size(), "?"));
        return jdbc.prepareStatement("SELECT a.decision_id, d.body, a.decision FROM decision_audit a LEFT JOIN decision_document d "
                + "ON d.decision_id = a.decision_id WHERE a.decision_id IN (" + marks + ")", statement -> {
            int i = 1;
            for (String id : decisionIds) {
                statement.setString(i++, id);
            }
            java.util.Map<String, String> documents = new java.util.HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    byte[] body = rows.getBytes(2);
                    documents.put(rows.getString(1), body != null ? DocumentCodec.decompress(body) : rows.getString(3));
                }
            }
            return documents;
        });
    }
}
