package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches the audit, newest first (decision time), by client, fired rule, rule version, cluster,
 * what-if, business date (asOf, a range of dates, both ends included) and decision time (a range of
 * instants, from included, to excluded).
 */
@Singleton
@Connectable
public class AuditQuery {
    private final JdbcOperations jdbc;

    AuditQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(@Nullable String clientId, @Nullable String ruleId, @Nullable String ruleVersion, @Nullable String cluster,
                  @Nullable Boolean whatIf, @Nullable LocalDate asOfFrom, @Nullable LocalDate asOfTo, @Nullable Instant from,
                  @Nullable Instant to) {
    }

    public AuditPage find(Filter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM decision_audit a" + where, statement -> {
            bind(statement, parameters);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        List<AuditSummary> items = jdbc.prepareStatement("SELECT a.decision_id, a.client_id, a.as_of, a.rule_version, "
                + "a.decided_at, a.kind, a.what_if, a.cluster, a.lifecycle FROM decision_audit a" + where
                + " ORDER BY a.decided_at DESC, a.decision_id DESC LIMIT ? OFFSET ?", statement -> {
            bind(statement, parameters);
            statement.setInt(parameters.size() + 1, size);
            statement.setLong(parameters.size() + 2, (long) page * size);
            List<AuditSummary> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(summary(rows));
                }
            }
            return found;
        });
        return new AuditPage(items, page, size, total);
    }

    private static String where(Filter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.clientId() != null) {
            conditions.add("a.client_id = ?");
            parameters.add(filter.clientId());
        }
        if (filter.ruleId() != null) {
            conditions.add("a.fired_set IN (SELECT f.set_id FROM fired_rule_set_rule f WHERE f.rule_id = ?)");
            parameters.add(filter.ruleId());
        }
        if (filter.ruleVersion() != null) {
            conditions.add("a.rule_version = ?");
            parameters.add(filter.ruleVersion());
        }
        if (filter.cluster() != null) {
            conditions.add("a.cluster = ?");
            parameters.add(filter.cluster());
        }
        if (filter.whatIf() != null) {
            conditions.add("a.what_if = ?");
            parameters.add(filter.whatIf());
        }
        if (filter.asOfFrom() != null) {
            conditions.add("a.as_of >= ?");
            parameters.add(Date.valueOf(filter.asOfFrom()));
        }
        if (filter.asOfTo() != null) {
            conditions.add("a.as_of <= ?");
            parameters.add(Date.valueOf(filter.asOfTo()));
        }
        if (filter.from() != null) {
            conditions.add("a.decided_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("a.decided_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(java.sql.PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static AuditSummary summary(ResultSet rows) throws SQLException {
        Date asOf = rows.getDate("as_of");
        return new AuditSummary(rows.getString("decision_id"), rows.getString("client_id"), asOf.toLocalDate(),
                rows.getString("rule_version"), rows.getTimestamp("decided_at").toInstant(), rows.getString("kind"),
                rows.getBoolean("what_if"), rows.getString("cluster"), rows.getString("lifecycle"));
    }
}
