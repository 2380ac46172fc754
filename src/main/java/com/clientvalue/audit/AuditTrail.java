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
    private final AuditChain chain;
    private final FiredRuleSets firedRuleSets;

    AuditTrail(JdbcOperations jdbc, AuditChain chain, FiredRuleSets firedRuleSets) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.firedRuleSets = firedRuleSets;
    }

    @Transactional
    public void record(List<AuditEntry> entries) {
        List<AuditChain.Link> links = chain.extend(entries);
        List<String> firedSets = firedRuleSets.record(entries);
        jdbc.prepareStatement("INSERT INTO decision_audit (decision_id, client_id, as_of, rule_version, decided_at, kind, "
                + "job_id, cluster, lifecycle, experience_segment, decision, chain_seq, prev_hash, record_hash, fired_set, what_if, "
                + "last_active_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry entry = entries.get(i);
                statement.setString(1, entry.decisionId());
                statement.setString(2, entry.clientId());
                statement.setDate(3, Date.valueOf(entry.asOf()));
                statement.setString(4, entry.ruleVersion());
                statement.setTimestamp(5, AuditChain.timestamp(entry.decidedAt()));
                statement.setString(6, entry.kind());
                statement.setObject(7, entry.jobId());
                statement.setString(8, entry.cluster());
                statement.setString(9, entry.lifecycle());
                statement.setString(10, entry.experienceSegment());
                statement.setString(11, entry.document());
                statement.setLong(12, links.get(i).seq());
                statement.setString(13, links.get(i).previous());
                statement.setString(14, links.get(i).hash());
                statement.setString(15, firedSets.get(i));
                statement.setBoolean(16, entry.whatIf());
                statement.setString(17, entry.lastActiveCluster());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
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
                + "experience_segment, last_active_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "cluster = IF(" + newer + ", VALUES(cluster), cluster), "
                + "lifecycle = IF(" + newer + ", VALUES(lifecycle), lifecycle), "
                + "experience_segment = IF(" + newer + ", VALUES(experience_segment), experience_segment), "
                + "last_active_cluster = IF(" + newer + ", VALUES(last_active_cluster), last_active_cluster), "
                + "decision_id = IF(" + newer + ", VALUES(decision_id), decision_id), "
                + "decided_at = IF(" + newer + ", VALUES(decided_at), decided_at), "
                + "as_of = IF(" + newer + ", VALUES(as_of), as_of)", statement -> {
            for (AuditEntry entry : entries) {
                statement.setString(1, entry.clientId());
                statement.setString(2, entry.decisionId());
                statement.setDate(3, Date.valueOf(entry.asOf()));
                statement.setTimestamp(4, Timestamp.from(entry.decidedAt()));
                statement.setString(5, entry.cluster());
                statement.setString(6, entry.lifecycle());
                statement.setString(7, entry.experienceSegment());
                statement.setString(8, entry.lastActiveCluster());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** A decision document exactly as it was answered. */
    @Connectable
    public java.util.Optional<String> document(String decisionId) {
        return jdbc.prepareStatement("SELECT decision FROM decision_audit WHERE decision_id = ?", statement -> {
            statement.setString(1, decisionId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? java.util.Optional.of(rows.getString(1)) : java.util.Optional.<String>empty();
            }
        });
    }
}
