package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each rule fired in the audited decisions of a period (decision time, from included, to
 * excluded), optionally of one rule version: the number of decisions in which it fired. A rule that
 * is absent fired in none. Counted per distinct list of fired rules (fired_rule_set), so the work
 * grows with the decisions of the period read through their time index, not with their rules.
 */
@Singleton
public class RuleFirings {
    private final JdbcOperations jdbc;

    RuleFirings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Decisions per rule id in the period, most frequent first, and the period's number of decisions under the key {@code ""}. */
    @Connectable
    public Map<String, Long> count(Instant from, Instant to, @Nullable String ruleVersion) {
        String version = ruleVersion == null ? "" : " AND rule_version = ?";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("", jdbc.prepareStatement("SELECT COUNT(*) FROM decision_audit WHERE decided_at >= ? AND decided_at < ?" + version,
                statement -> {
                    bind(statement, from, to, ruleVersion);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
        jdbc.prepareStatement("SELECT r.rule_id, SUM(s.decisions) AS decisions FROM (SELECT fired_set, COUNT(*) AS decisions"
                + " FROM decision_audit WHERE decided_at >= ? AND decided_at < ?" + version + " GROUP BY fired_set) s"
                + " JOIN (SELECT DISTINCT set_id, rule_id FROM fired_rule_set_rule) r ON r.set_id = s.fired_set"
                + " GROUP BY r.rule_id ORDER BY decisions DESC, r.rule_id", statement -> {
            bind(statement, from, to, ruleVersion);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return null;
        });
        return counts;
    }

    private static void bind(java.sql.PreparedStatement statement, Instant from, Instant to, @Nullable String version)
            throws java.sql.SQLException {
        statement.setTimestamp(1, Timestamp.from(from));
        statement.setTimestamp(2, Timestamp.from(to));
        if (version != null) {
            statement.setString(3, version);
        }
    }
}
