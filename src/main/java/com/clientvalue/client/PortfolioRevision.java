package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;


/**
 * A counter bumped by every import, in the import's transaction: portfolio-level figures computed
 * at one revision stay valid until it moves, on every instance sharing the database.
 */
@Singleton
@Connectable
public class PortfolioRevision {
    private final JdbcOperations jdbc;

    PortfolioRevision(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.prepareStatement("SELECT revision FROM portfolio_revision WHERE id = 1", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Must run inside the import's transaction. */
    void bump() {
        jdbc.prepareStatement("UPDATE portfolio_revision SET revision = revision + 1 WHERE id = 1",
                statement -> statement.executeUpdate());
    }
}
