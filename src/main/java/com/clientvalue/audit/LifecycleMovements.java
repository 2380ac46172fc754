package com.clientvalue.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle changes the audit recorded, per month of the decisions' business date: each client
 * counted once per month and change, with the cluster it had in the decision before the change (what it
 * was when it left, or when it was away).
 */
@Singleton
@Connectable
public class LifecycleMovements {
    private final JdbcOperations jdbc;

    LifecycleMovements(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Clients that moved from one lifecycle state to another in a month, by the cluster of the decision before. */
    public record Movement(String month, String from, String to, String clusterBefore, long clients) {
    }

    /** Every lifecycle change with a business date in [from, to), by month. */
    public List<Movement> between(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT DATE_FORMAT(t.as_of, '%Y-%m'), t.from_value, t.to_value, COALESCE(p.cluster, 'NONE'), "
                + "COUNT(DISTINCT t.client_id) FROM decision_transition t JOIN decision_audit p ON p.decision_id = t.previous_decision_id "
                + "WHERE t.dimension = 'LIFECYCLE' AND t.as_of >= ? AND t.as_of < ? AND t.from_value IS NOT NULL AND t.to_value IS NOT NULL "
                + "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", statement -> {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            List<Movement> movements = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    movements.add(new Movement(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5)));
                }
            }
            return movements;
        });
    }

    /** Clients whose first order with a positive total falls in [from, to), by month, with the cluster of their latest decision. */
    public List<Movement> won(LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT DATE_FORMAT(f.first_order, '%Y-%m'), COALESCE(l.cluster, 'NONE'), COUNT(*) FROM "
                + "(SELECT client_id, MIN(order_date) AS first_order FROM customer_order WHERE total > 0 GROUP BY client_id) f "
                + "LEFT JOIN latest_decision l ON l.client_id = f.client_id WHERE f.first_order >= ? AND f.first_order < ? "
                + "GROUP BY 1, 2 ORDER BY 1, 2", statement -> {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            List<Movement> movements = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    movements.add(new Movement(rows.getString(1), null, "NEW", rows.getString(2), rows.getLong(3)));
                }
            }
            return movements;
        });
    }
}
