package com.clientvalue.portfolio;

import com.clientvalue.decision.Cluster;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A commercial budget split over the clusters in proportion to weight × clients, then evenly over
 * each cluster's clients. Segment budgets are rounded to cents so that they add up to the total
 * exactly (largest remainders get the leftover cents).
 */
@Serdeable
public record BudgetAllocation(LocalDate asOf, String ruleVersion, BigDecimal total, String formula, List<Segment> segments) {

    static final String FORMULA = "budget(cluster) = total × weight(cluster) × clients(cluster) / Σ weight × clients; "
            + "perClient = budget(cluster) / clients(cluster)";

    /** One cluster's share: its weight from rules/budget/segment-weights.csv and its client count. */
    @Serdeable
    public record Segment(Cluster cluster, long clients, BigDecimal weight, BigDecimal share, BigDecimal budget,
                          BigDecimal perClient) {
    }

    static BudgetAllocation of(LocalDate asOf, String ruleVersion, BigDecimal total, Map<Cluster, Long> clients,
                               Map<Cluster, BigDecimal> weights) {
        BigDecimal points = BigDecimal.ZERO;
        for (Cluster cluster : Cluster.values()) {
            points = points.add(weights.get(cluster).multiply(BigDecimal.valueOf(clients.getOrDefault(cluster, 0L))));
        }
        BigDecimal cents = total.setScale(2, RoundingMode.HALF_UP);
        List<BigDecimal> exact = new ArrayList<>();
        List<BigDecimal> rounded = new ArrayList<>();
        for (Cluster cluster : Cluster.values()) {
            BigDecimal weighted = weights.get(cluster).multiply(BigDecimal.valueOf(clients.getOrDefault(cluster, 0L)));
            BigDecimal share = points.signum() == 0 ? BigDecimal.ZERO : cents.multiply(weighted).divide(points, 10, RoundingMode.HALF_UP);
            exact.add(share);
            rounded.add(share.setScale(2, RoundingMode.DOWN));
        }
        BigDecimal left = points.signum() == 0 ? BigDecimal.ZERO : cents.subtract(rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        List<Integer> byRemainder = new ArrayList<>(List.of(0, 1, 2, 3));
        byRemainder.sort(Comparator.comparing((Integer i) -> exact.get(i).subtract(rounded.get(i))).reversed());
        for (int i = 0; left.signum() > 0; i = (i + 1) % byRemainder.size()) {
            int index = byRemainder.get(i);
            rounded.set(index, rounded.get(index).add(new BigDecimal("0.01")));
            left = left.subtract(new BigDecimal("0.01"));
        }
        List<Segment> segments = new ArrayList<>();
        for (Cluster cluster : Cluster.values()) {
            long count = clients.getOrDefault(cluster, 0L);
            BigDecimal budget = rounded.get(cluster.ordinal());
            segments.add(new Segment(cluster, count, weights.get(cluster),
                    cents.signum() == 0 ? BigDecimal.ZERO : budget.divide(cents, 6, RoundingMode.HALF_UP), budget,
                    count == 0 ? BigDecimal.ZERO.setScale(2) : budget.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP)));
        }
        return new BudgetAllocation(asOf, ruleVersion, cents, FORMULA, segments);
    }
}
