package com.clientvalue.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How concentrated a metric is over the clients, with negative values counted as 0.
 * Gini = (2 Σ i·x(i)) / (n Σ x) − (n + 1) / n over the values sorted ascending (i from 1);
 * 0 when everybody has the same, close to 1 when one client has everything. The Lorenz curve has
 * 101 points: for k = 0..100, the share of the total held by the floor(k·n/100) smallest clients.
 */
@Serdeable
public record Concentration(LocalDate asOf, PortfolioMetric by, long clients, @Nullable BigDecimal gini, List<LorenzPoint> lorenz,
                            MetricCoverage coverage) {

    @Serdeable
    public record LorenzPoint(BigDecimal clientShare, BigDecimal valueShare) {
    }

    /** No curve and no Gini: the metric has no value in the window (see {@link MetricCoverage#note()}). */
    static Concentration withheld(LocalDate asOf, PortfolioMetric by, long clients, MetricCoverage coverage) {
        return new Concentration(asOf, by, clients, null, List.of(), coverage);
    }

    static Concentration of(LocalDate asOf, PortfolioMetric by, List<BigDecimal> values, MetricCoverage coverage) {
        List<BigDecimal> sorted = values.stream().map(v -> v.max(BigDecimal.ZERO)).sorted().toList();
        int n = sorted.size();
        BigDecimal total = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (n == 0 || total.signum() == 0) {
            return new Concentration(asOf, by, n, BigDecimal.ZERO.setScale(6), List.of(), coverage);
        }
        BigDecimal weighted = BigDecimal.ZERO;
        List<BigDecimal> cumulative = new ArrayList<>(n + 1);
        cumulative.add(BigDecimal.ZERO);
        for (int i = 0; i < n; i++) {
            weighted = weighted.add(sorted.get(i).multiply(BigDecimal.valueOf(i + 1L)));
            cumulative.add(cumulative.get(i).add(sorted.get(i)));
        }
        BigDecimal bigN = BigDecimal.valueOf(n);
        BigDecimal gini = weighted.multiply(BigDecimal.valueOf(2)).divide(bigN.multiply(total), 12, RoundingMode.HALF_UP)
                .subtract(BigDecimal.valueOf(n + 1L).divide(bigN, 12, RoundingMode.HALF_UP)).setScale(6, RoundingMode.HALF_UP);
        List<LorenzPoint> lorenz = new ArrayList<>(101);
        for (int k = 0; k <= 100; k++) {
            int m = (int) ((long) k * n / 100);
            lorenz.add(new LorenzPoint(BigDecimal.valueOf(k, 2), cumulative.get(m).divide(total, 6, RoundingMode.HALF_UP)));
        }
        return new Concentration(asOf, by, n, gini, lorenz, coverage);
    }
}
