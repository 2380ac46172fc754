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
public record BudgetAllocation(LocalDate asOf, String ruleVersion, BigDecimal total, String formula, List<Segment> segments,
                               @io.swagger.v3.oas.annotations.media.Schema(description = "each segment's budget split over its "
                                       + "clients' lifecycle states by rules/budget/initiative-weights.csv, summed per initiative: "
                                       + "ACQUISITION (new clients and prospects) against RETENTION, DEVELOPMENT and RECOVERY of "
                                       + "existing ones")
                               @io.micronaut.core.annotation.Nullable List<InitiativeBudget> initiatives,
                               @io.swagger.v3.oas.annotations.media.Schema(description = "the share of the total going to new "
                                       + "clients (ACQUISITION), 0 to 1; the method warns it is usually about 0.8")
                               @io.micronaut.core.annotation.Nullable BigDecimal newClientsShare) {

    static final String INITIATIVE_FORMULA = "budget(cluster, state) = budget(cluster) × weight(state) × clients(cluster, state) "
            + "/ Σ over its states of weight × clients; budget(initiative) = Σ budget(cluster, state) of the states it covers";

    /** What one initiative gets: its budget and share of the total, and the clients it concerns. */
    @Serdeable
    public record InitiativeBudget(InitiativeWeights.Initiative initiative, long clients, BigDecimal budget, BigDecimal share) {
    }

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
        return new BudgetAllocation(asOf, ruleVersion, cents, FORMULA, segments, null, null);
    }

    /**
     * The same allocation with each segment's budget split over its clients' lifecycle states (weight ×
     * clients within the segment; evenly over the states' clients where every weight is 0), summed per
     * initiative and rounded to cents that add up to the total.
     */
    BudgetAllocation withInitiatives(Map<Cluster, Map<com.clientvalue.decision.Lifecycle, Long>> clients,
                                     Map<com.clientvalue.decision.Lifecycle, InitiativeWeights.Weight> weights) {
        Map<InitiativeWeights.Initiative, BigDecimal> exact = new java.util.EnumMap<>(InitiativeWeights.Initiative.class);
        Map<InitiativeWeights.Initiative, Long> people = new java.util.EnumMap<>(InitiativeWeights.Initiative.class);
        for (InitiativeWeights.Initiative initiative : InitiativeWeights.Initiative.values()) {
            exact.put(initiative, BigDecimal.ZERO);
            people.put(initiative, 0L);
        }
        for (Segment segment : segments) {
            Map<com.clientvalue.decision.Lifecycle, Long> states = clients.getOrDefault(segment.cluster(), Map.of());
            BigDecimal points = BigDecimal.ZERO;
            long count = 0;
            for (Map.Entry<com.clientvalue.decision.Lifecycle, Long> state : states.entrySet()) {
                points = points.add(weights.get(state.getKey()).weight().multiply(BigDecimal.valueOf(state.getValue())));
                count += state.getValue();
            }
            for (Map.Entry<com.clientvalue.decision.Lifecycle, Long> state : states.entrySet()) {
                InitiativeWeights.Initiative initiative = weights.get(state.getKey()).initiative();
                people.merge(initiative, state.getValue(), Long::sum);
                BigDecimal part = points.signum() > 0
                        ? weights.get(state.getKey()).weight().multiply(BigDecimal.valueOf(state.getValue())).divide(points, 12, RoundingMode.HALF_UP)
                        : count == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(state.getValue()).divide(BigDecimal.valueOf(count), 12, RoundingMode.HALF_UP);
                exact.merge(initiative, segment.budget().multiply(part), BigDecimal::add);
            }
        }
        List<InitiativeWeights.Initiative> order = List.of(InitiativeWeights.Initiative.values());
        List<BigDecimal> rounded = new ArrayList<>();
        for (InitiativeWeights.Initiative initiative : order) {
            rounded.add(exact.get(initiative).setScale(2, RoundingMode.DOWN));
        }
        BigDecimal assigned = exact.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal left = assigned.subtract(rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        List<Integer> byRemainder = new ArrayList<>(List.of(0, 1, 2, 3));
        byRemainder.sort(Comparator.comparing((Integer i) -> exact.get(order.get(i)).subtract(rounded.get(i))).reversed());
        for (int i = 0; left.signum() > 0; i = (i + 1) % byRemainder.size()) {
            int index = byRemainder.get(i);
            rounded.set(index, rounded.get(index).add(new BigDecimal("0.01")));
            left = left.subtract(new BigDecimal("0.01"));
        }
        List<InitiativeBudget> split = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            split.add(new InitiativeBudget(order.get(i), people.get(order.get(i)), rounded.get(i),
                    total.signum() == 0 ? BigDecimal.ZERO : rounded.get(i).divide(total, 6, RoundingMode.HALF_UP)));
        }
        return new BudgetAllocation(asOf, ruleVersion, total, formula + "; " + INITIATIVE_FORMULA, segments, split,
                split.get(0).share());
    }
}
