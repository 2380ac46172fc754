package com.clientvalue.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes decisions to the audit, all of a call in one transaction (the caller's, when it has one)
 * before anything is answered; keeps each client's latest decision and the transitions between them.
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
                + "job_id, cluster, lifecycle, experience_segment, decision, chain_seq, prev_hash, record_hash, fired_set) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
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
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        recordTransitions(entries);
        recordLatest(entries);
    }

    private void recordTransitions(List<AuditEntry> entries) {
        jdbc.prepareStatement("INSERT INTO decision_transition (decision_id, client_id, decided_at, dimension, from_value, "
                + "to_value, previous_decision_id) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (AuditEntry entry : entries) {
                for (AuditEntry.TransitionEvent transition : entry.transitions()) {
                    statement.setString(1, entry.decisionId());
                    statement.setString(2, entry.clientId());
                    statement.setTimestamp(3, Timestamp.from(entry.decidedAt()));
                    statement.setString(4, transition.dimension());
                    statement.setString(5, transition.from());
                    statement.setString(6, transition.to());
                    statement.setString(7, transition.previousDecisionId());
                    statement.addBatch();
                }
            }
            return statement.executeBatch();
        });
    }

    // newer decisions only: a slower concurrent call never moves a client's latest decision back
    private void recordLatest(List<AuditEntry> entries) {
        String newer = "VALUES(decided_at) >= decided_at";
        jdbc.prepareStatement("INSERT INTO latest_decision (client_id, decision_id, decided_at, cluster, lifecycle, "
                + "experience_segment, last_active_cluster) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "decision_id = IF(" + newer + ", VALUES(decision_id), decision_id), "
                + "cluster = IF(" + newer + ", VALUES(cluster), cluster), "
                + "lifecycle = IF(" + newer + ", VALUES(lifecycle), lifecycle), "
                + "experience_segment = IF(" + newer + ", VALUES(experience_segment), experience_segment), "
                + "last_active_cluster = IF(" + newer + ", VALUES(last_active_cluster), last_active_cluster), "
                + "decided_at = IF(" + newer + ", VALUES(decided_at), decided_at)", statement -> {
            for (AuditEntry entry : entries) {
                statement.setString(1, entry.clientId());
                statement.setString(2, entry.decisionId());
                statement.setTimestamp(3, Timestamp.from(entry.decidedAt()));
                statement.setString(4, entry.cluster());
                statement.setString(5, entry.lifecycle());
                statement.setString(6, entry.experienceSegment());
                statement.setString(7, entry.lastActiveCluster());
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

    /** The latest decision of each of these clients that has one. */
    @Connectable
    public Map<String, LatestDecision> latest(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(",", Collections.nCopies(clientIds.size(), "?"));
        return jdbc.prepareStatement("SELECT client_id, decision_id, decided_at, cluster, lifecycle, experience_segment, "
                + "last_active_cluster FROM latest_decision WHERE client_id IN (" + marks + ")", statement -> {
            int i = 1;
            for (String id : clientIds) {
                statement.setString(i++, id);
            }
            Map<String, LatestDecision> found = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new LatestDecision(rows.getString(1), rows.getString(2),
                            rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7)));
                }
            }
            return found;
        });
    }
}
