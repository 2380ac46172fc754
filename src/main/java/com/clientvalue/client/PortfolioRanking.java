package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Portfolio-level figures as of a date (the ABC cut-offs), computed once per date and portfolio
 * revision and reused until an import changes the data.
 */
@Singleton
@Connectable
public class PortfolioRanking {
    private static final int MAX_DATES = 64;

    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;
    private final AbcConfig config;
    private final Map<LocalDate, AbcCutoffs> cache = new ConcurrentHashMap<>();
    private volatile long cachedRevision = -1;

    PortfolioRanking(JdbcOperations jdbc, PortfolioRevision revision, AbcConfig config) {
        this.jdbc = jdbc;
        this.revision = revision;
        this.config = config;
    }

    public AbcCutoffs abc(LocalDate asOf) {
        return abc(asOf, revision.current());
    }

    /** The same, for a portfolio revision the caller read already (with the facts, in the same statement). */
    AbcCutoffs abc(LocalDate asOf, long now) {
        if (now != cachedRevision) {
            synchronized (this) {
                if (now != cachedRevision) {
                    cache.clear();
                    cachedRevision = now;
                }
            }
        }
        if (cache.size() > MAX_DATES) {
            cache.clear();
        }
        return cache.computeIfAbsent(asOf, this::compute);
    }

    /** The ABC split of any per-client values (margin, number of orders...) with the configured cut-offs. */
    public AbcCutoffs split(List<AbcCutoffs.Rank> values) {
        return AbcCutoffs.of(values.stream().filter(r -> r.revenue12m().signum() > 0).toList(),
                config.aCutoffPercent(), config.bCutoffPercent());
    }

    private AbcCutoffs compute(LocalDate asOf) {
        List<AbcCutoffs.Rank> positive = jdbc.prepareStatement(
                "SELECT client_id, SUM(total) FROM customer_order WHERE order_date > ? AND order_date <= ? "
                        + "GROUP BY client_id HAVING SUM(total) > 0", statement -> {
                    statement.setDate(1, Date.valueOf(ClientFactsQuery.windowStart(asOf)));
                    statement.setDate(2, Date.valueOf(asOf));
                    List<AbcCutoffs.Rank> ranks = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ranks.add(new AbcCutoffs.Rank(rows.getString(1), Money.normalize(rows.getBigDecimal(2))));
                        }
                    }
                    return ranks;
                });
        return AbcCutoffs.of(positive, config.aCutoffPercent(), config.bCutoffPercent());
    }

}
