package com.clientvalue.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/** Writes decisions to the audit, all of a call in one transaction, before anything is answered. */
@Singleton
public class AuditTrail {
    private final JdbcOperations jdbc;

    AuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(List<AuditEntry> entries) {
        jdbc.prepareStatement("INSERT INTO decision_audit (decision_id, client_id, as_of, rule_version, decided_at, cluster, decision) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (AuditEntry entry : entries) {
                statement.setString(1, entry.decisionId());
                statement.setString(2, entry.clientId());
                statement.setDate(3, Date.valueOf(entry.asOf()));
                statement.setString(4, entry.ruleVersion());
                statement.setTimestamp(5, Timestamp.from(entry.decidedAt()));
                statement.setString(6, entry.cluster());
                statement.setString(7, entry.document());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT INTO decision_fired_rule (decision_id, seq, rule_id) VALUES (?, ?, ?)", statement -> {
            for (AuditEntry entry : entries) {
                for (int seq = 0; seq < entry.firedRuleIds().size(); seq++) {
                    statement.setString(1, entry.decisionId());
                    statement.setInt(2, seq + 1);
                    statement.setString(3, entry.firedRuleIds().get(seq));
                    statement.addBatch();
                }
            }
            return statement.executeBatch();
        });
    }
}
