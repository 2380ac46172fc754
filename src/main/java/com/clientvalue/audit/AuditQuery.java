package com.clientvalue.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Searches the audit: by client, by fired rule, by decision date (UTC, inclusive), newest first. */
@Singleton
@Connectable
class AuditQuery {
    private final JdbcOperations jdbc;

    AuditQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String clientId, String ruleId, LocalDate from, LocalDate to) {
    }

    AuditPage find(Filter filter, int page, int size) {
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
                + "a.decided_at, a.kind, a.cluster, a.lifecycle FROM decision_audit a" + where
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
        if (filter.from() != null) {
            conditions.add("a.decided_at >= ?");
            parameters.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("a.decided_at < ?");
            parameters.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
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
                rows.getString("cluster"), rows.getString("lifecycle"));
    }
}
