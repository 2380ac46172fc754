package com.clientvalue.portfolio;

import com.clientvalue.client.AbcCutoffs;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One value per stored client (zero without orders), as of a date, for portfolio analyses. */
@Singleton
@Connectable
class MetricValues {
    private final JdbcOperations jdbc;

    MetricValues(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<AbcCutoffs.Rank> of(PortfolioMetric metric, LocalDate asOf) {
        String sql = metric == PortfolioMetric.CASH
                ? "SELECT c.client_id, COALESCE(SUM(p.amount), 0) FROM client c LEFT JOIN payment p "
                        + "ON p.client_id = c.client_id AND p.paid_on > ? AND p.paid_on <= ? GROUP BY c.client_id"
                : "SELECT c.client_id, " + metric.sql + " FROM client c LEFT JOIN customer_order o "
                        + "ON o.client_id = c.client_id AND o.order_date > ? AND o.order_date <= ? GROUP BY c.client_id";
        return jdbc.prepareStatement(sql, statement -> {
            statement.setDate(1, Date.valueOf(asOf.minusDays(365)));
            statement.setDate(2, Date.valueOf(asOf));
            statement.setFetchSize(10_000);
            List<AbcCutoffs.Rank> values = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(new AbcCutoffs.Rank(rows.getString(1), plain(rows.getBigDecimal(2))));
                }
            }
            return values;
        });
    }

    /** Orders in the 12-month window up to asOf, and how many of them carry a value of this metric. */
    MetricCoverage coverage(PortfolioMetric metric, LocalDate asOf) {
        return jdbc.prepareStatement("SELECT COUNT(*), COUNT(margin) FROM customer_order WHERE order_date > ? AND order_date <= ?",
                statement -> {
                    statement.setDate(1, Date.valueOf(asOf.minusDays(365)));
                    statement.setDate(2, Date.valueOf(asOf));
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        long orders = rows.getLong(1);
                        return MetricCoverage.of(metric, asOf, orders, metric == PortfolioMetric.MARGIN ? rows.getLong(2) : orders);
                    }
                });
    }

    /**
     * Each client's margin over the 12 months up to asOf: the imported margin of each order, or
     * total x fallbackRate for an order imported without one (credit notes included).
     */
    java.util.Map<String, java.math.BigDecimal> annualMargins(LocalDate asOf, java.math.BigDecimal fallbackRate) {
        return jdbc.prepareStatement("SELECT o.client_id, SUM(COALESCE(o.margin, o.total * ?)) FROM customer_order o "
                + "WHERE o.order_date > ? AND o.order_date <= ? GROUP BY o.client_id", statement -> {
            statement.setBigDecimal(1, fallbackRate);
            statement.setDate(2, Date.valueOf(asOf.minusDays(365)));
            statement.setDate(3, Date.valueOf(asOf));
            statement.setFetchSize(10_000);
            java.util.Map<String, java.math.BigDecimal> margins = new java.util.HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    margins.put(rows.getString(1), rows.getBigDecimal(2));
                }
            }
            return margins;
        });
    }

    // 600.0000 -> 600, 12.5000 -> 12.5: no trailing zeros, never an exponent
    static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
