package com.clientvalue.decision;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * What every portfolio evaluation as of a date reads, in one statement: the portfolio's revision (bumped
 * by every write of facts), the clients stored, and the clients' latest decisions (their number and the
 * newest): equal states give equal evaluations under one rule version.
 */
@Singleton
class PortfolioState {
    private final JdbcOperations jdbc;

    PortfolioState(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record State(long revision, long clients, long latestDecisions, long newestDecidedMicros) {
    }

    @Connectable
    State now() {
        return jdbc.prepareStatement("SELECT (SELECT revision FROM portfolio_revision WHERE id = 1), (SELECT COUNT(*) FROM client), "
                + "(SELECT COUNT(*) FROM latest_decision), (SELECT COALESCE(MAX(decided_at), TIMESTAMP('1970-01-01')) FROM latest_decision)",
                statement -> {
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        java.sql.Timestamp newest = rows.getTimestamp(4);
                        return new State(rows.getLong(1), rows.getLong(2), rows.getLong(3),
                                newest.getTime() * 1000 + newest.getNanos() / 1000 % 1000);
                    }
                });
    }
}
