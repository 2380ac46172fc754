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
    private final Map<LocalDate, Ranking> cache = new ConcurrentHashMap<>();
    private volatile long cachedRevision = -1;

    PortfolioRanking(JdbcOperations jdbc, PortfolioRevision revision, AbcConfig config) {
        this.jdbc = jdbc;
        this.revision = revision;
        this.config = config;
    }

    /**
     * The portfolio's Pareto splits as of a date: by 12-month revenue; by 12-month margin among the clients
     * whose orders of the window carry one (imported margins only; no estimate); by cash collected (invoices
     * paid in the window) among the clients with such a payment.
     */
    public record Ranking(AbcCutoffs revenue, AbcCutoffs margin, AbcCutoffs cash) {
    }

    public AbcCutoffs abc(LocalDate asOf) {
        return ranking(asOf, revision.current()).revenue();
    }

    /** Both splits as of a date, for the portfolio as it is now. */
    public Ranking ranking(LocalDate asOf) {
        return ranking(asOf, revision.current());
    }

    /** Both splits, for a portfolio revision the caller read already (with the facts, in the same statement). */
    Ranking ranking(LocalDate asOf, long now) {
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

    // one pass over the window's orders for both rankings
    private Ranking compute(LocalDate asOf) {
        List<AbcCutoffs.Rank> revenues = new ArrayList<>();
        List<AbcCutoffs.Rank> margins = new ArrayList<>();
        jdbc.prepareStatement("SELECT client_id, SUM(total), SUM(margin) FROM customer_order WHERE order_date > ? AND order_date <= ? "
                + "GROUP BY client_id HAVING SUM(total) > 0 OR SUM(margin) > 0", statement -> {
            statement.setDate(1, Date.valueOf(ClientFactsQuery.windowStart(asOf)));
            statement.setDate(2, Date.valueOf(asOf));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    java.math.BigDecimal revenue = Money.normalize(rows.getBigDecimal(2));
                    java.math.BigDecimal margin = rows.getBigDecimal(3);
                    if (revenue.signum() > 0) {
                        revenues.add(new AbcCutoffs.Rank(rows.getString(1), revenue));
                    }
                    if (margin != null && margin.signum() > 0) {
                        margins.add(new AbcCutoffs.Rank(rows.getString(1), Money.normalize(margin)));
                    }
                }
            }
            return null;
        });
        List<AbcCutoffs.Rank> cash = jdbc.prepareStatement("SELECT client_id, SUM(amount) FROM payment WHERE paid_on > ? AND paid_on <= ? "
                + "GROUP BY client_id", statement -> {
            statement.setDate(1, Date.valueOf(ClientFactsQuery.windowStart(asOf)));
            statement.setDate(2, Date.valueOf(asOf));
            List<AbcCutoffs.Rank> collected = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    collected.add(new AbcCutoffs.Rank(rows.getString(1), Money.normalize(rows.getBigDecimal(2))));
                }
            }
            return collected;
        });
        return new Ranking(AbcCutoffs.of(revenues, config.aCutoffPercent(), config.bCutoffPercent()),
                AbcCutoffs.of(margins, config.aCutoffPercent(), config.bCutoffPercent()),
                AbcCutoffs.of(cash, config.aCutoffPercent(), config.bCutoffPercent()));
    }

}
