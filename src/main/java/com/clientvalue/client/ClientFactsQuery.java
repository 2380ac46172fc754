package com.clientvalue.client;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The SQL that derives a client's figures from its orders as of a date. The 12-month window holds
 * orders with asOf - order_date < 365 days and order_date <= asOf.
 */
final class ClientFactsQuery {
    static final String SELECT = """
            SELECT c.client_id, c.name, c.country, c.sector, c.employees, c.potential,
                   SUM(CASE WHEN o.order_date > ? THEN o.total END) AS revenue12m,
                   COUNT(CASE WHEN o.order_date > ? AND o.total > 0 THEN 1 END) AS orders12m,
                   MIN(CASE WHEN o.total > 0 THEN o.order_date END) AS first_order,
                   MAX(CASE WHEN o.total > 0 THEN o.order_date END) AS last_order
              FROM client c
              LEFT JOIN customer_order o ON o.client_id = c.client_id AND o.order_date <= ?
            """;
    static final String GROUP = " GROUP BY c.client_id, c.name, c.country, c.sector, c.employees, c.potential";

    private ClientFactsQuery() {
    }

    /** The window is (asOf - 365 days, asOf]. */
    static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusDays(365);
    }

    /** Binds the three date parameters of {@link #SELECT}; returns the next parameter index. */
    static int bindDates(PreparedStatement statement, LocalDate asOf) throws SQLException {
        Date start = Date.valueOf(windowStart(asOf));
        statement.setDate(1, start);
        statement.setDate(2, start);
        statement.setDate(3, Date.valueOf(asOf));
        return 4;
    }

    static ClientFacts read(ResultSet row, LocalDate asOf, AbcCutoffs abc) throws SQLException {
        String clientId = row.getString("client_id");
        BigDecimal revenue = Money.normalize(row.getBigDecimal("revenue12m"));
        Date first = row.getDate("first_order");
        Date last = row.getDate("last_order");
        LocalDate lastOrder = last == null ? null : last.toLocalDate();
        return new ClientFacts(
                clientId,
                asOf,
                row.getString("name"),
                row.getString("country"),
                row.getString("sector"),
                (Integer) row.getObject("employees", Integer.class),
                (Integer) row.getObject("potential", Integer.class),
                revenue,
                row.getInt("orders12m"),
                first == null ? null : first.toLocalDate(),
                lastOrder,
                lastOrder == null ? null : (int) ChronoUnit.DAYS.between(lastOrder, asOf),
                abc.classify(clientId, revenue));
    }
}
