package com.clientvalue.portfolio;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Clients who bought (an order with a positive total) in the 12 months before the current window. */
@Singleton
@Connectable
class PreviousYearBuyers {
    private final JdbcOperations jdbc;

    PreviousYearBuyers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Buyers with asOf − 730 days < order_date ≤ asOf − 365 days. */
    Set<String> asOf(LocalDate asOf) {
        return jdbc.prepareStatement("SELECT DISTINCT client_id FROM customer_order WHERE total > 0 AND order_date > ? AND order_date <= ?",
                statement -> {
                    statement.setDate(1, Date.valueOf(asOf.minusDays(730)));
                    statement.setDate(2, Date.valueOf(asOf.minusDays(365)));
                    statement.setFetchSize(10_000);
                    Set<String> buyers = new HashSet<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            buyers.add(rows.getString(1));
                        }
                    }
                    return buyers;
                });
    }
}
