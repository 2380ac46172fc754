package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.PortfolioEvaluator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes {@link SegmentIndicators}: one pass over the clients evaluated with the active rules. */
@Singleton
public class SegmentAnalysis {
    private final PortfolioEvaluator evaluator;
    private final PreviousYearBuyers previousBuyers;
    private final MetricValues values;
    private final ClvConfig clv;

    SegmentAnalysis(PortfolioEvaluator evaluator, PreviousYearBuyers previousBuyers, MetricValues values, ClvConfig clv) {
        this.evaluator = evaluator;
        this.previousBuyers = previousBuyers;
        this.values = values;
        this.clv = clv;
    }

    /** One client's lifetime value: its cluster's retention r, its 12-month margin and the CLV formula applied. */
    @Serdeable
    public record ClientValue(String clientId, Cluster cluster, BigDecimal margin12m, @Nullable BigDecimal retention, BigDecimal clv) {
    }

    /** The clients' values, highest CLV first (ties by client id), and the indicators per cluster. */
    public record Analysis(SegmentIndicators indicators, List<ClientValue> clients) {
    }

    SegmentIndicators analyse(LocalDate asOf) {
        return analysis(asOf).indicators();
    }

    public Analysis analysis(LocalDate asOf) {
        Map<String, Cluster> cohorts = cohorts(asOf);
        Map<String, BigDecimal> margins = values.annualMargins(asOf, clv.marginRate());
        Map<Cluster, Tally> tallies = new EnumMap<>(Cluster.class);
        List<Object[]> clients = new ArrayList<>();
        String version = evaluator.evaluateAll(asOf, (facts, evaluation) -> {
            Cluster cluster = evaluation.outcome().cluster();
            if (cluster != null) {
                tallies.computeIfAbsent(cluster, c -> new Tally()).add(facts);
                Cluster then = cohorts.get(facts.clientId());
                if (then != null) {
                    tallies.computeIfAbsent(then, c -> new Tally()).addToCohort(facts.orders12m() > 0);
                }
                clients.add(new Object[]{cluster, margins.getOrDefault(facts.clientId(), BigDecimal.ZERO), facts.clientId()});
            }
        });
        Map<Cluster, BigDecimal> clvTotals = new EnumMap<>(Cluster.class);
        List<ClientValue> values = new ArrayList<>(clients.size());
        for (Object[] client : clients) {
            Cluster cluster = (Cluster) client[0];
            BigDecimal retention = tallies.get(cluster).retention();
            BigDecimal margin = ((BigDecimal) client[1]).setScale(2, RoundingMode.HALF_UP);
            BigDecimal value = SegmentIndicators.clv(margin, retention, clv.discountRate());
            clvTotals.merge(cluster, value, BigDecimal::add);
            values.add(new ClientValue((String) client[2], cluster, margin, retention, value));
        }
        values.sort(Comparator.comparing(ClientValue::clv).reversed().thenComparing(ClientValue::clientId));
        List<SegmentIndicators.Segment> segments = new ArrayList<>();
        for (Cluster cluster : Cluster.values()) {
            Tally t = tallies.getOrDefault(cluster, new Tally());
            BigDecimal total = clvTotals.getOrDefault(cluster, BigDecimal.ZERO.setScale(2));
            segments.add(new SegmentIndicators.Segment(cluster, t.clients, t.revenue, t.retention(), total,
                    t.clients == 0 ? BigDecimal.ZERO.setScale(2) : total.divide(BigDecimal.valueOf(t.clients), 2, RoundingMode.HALF_UP),
                    t.surveyed == 0 ? null : BigDecimal.valueOf(t.experienceSum).divide(BigDecimal.valueOf(t.surveyed), 6, RoundingMode.HALF_UP),
                    t.surveyed,
                    t.clients == 0 ? BigDecimal.ZERO.setScale(6)
                            : BigDecimal.valueOf(t.complaints).divide(BigDecimal.valueOf(t.clients), 6, RoundingMode.HALF_UP),
                    SegmentIndicators.ratio(t.repeat, t.buyers)));
        }
        return new Analysis(new SegmentIndicators(asOf, version, clv.marginRate(), clv.discountRate(), SegmentIndicators.CLV_FORMULA,
                segments), List.copyOf(values));
    }

    /**
     * The retention cohorts: every client who bought in the 12 months before the window, with the
     * cluster it had then (evaluated as of asOf − 365 days with the active rules). Grouping by the
     * cluster now would condition on the outcome: a client is KEY or MAINTAIN now only because it
     * bought in the window, so their retention would be 1 by construction.
     */
    private Map<String, Cluster> cohorts(LocalDate asOf) {
        Set<String> boughtBefore = previousBuyers.asOf(asOf);
        Map<String, Cluster> cohorts = new java.util.HashMap<>();
        evaluator.evaluateAll(asOf.minusDays(365), (facts, evaluation) -> {
            Cluster then = evaluation.outcome().cluster();
            if (then != null && boughtBefore.contains(facts.clientId())) {
                cohorts.put(facts.clientId(), then);
            }
        });
        return cohorts;
    }

    private static final class Tally {
        long clients;
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        long previousBuyers;
        long retained;
        long surveyed;
        long experienceSum;
        long complaints;
        long buyers;
        long repeat;

        void addToCohort(boolean boughtAgain) {
            previousBuyers++;
            if (boughtAgain) {
                retained++;
            }
        }

        void add(ClientFacts facts) {
            clients++;
            revenue = revenue.add(facts.revenue12m());
            if (facts.latestExperience() != null) {
                surveyed++;
                experienceSum += facts.latestExperience();
            }
            complaints += facts.complaints90d();
            if (facts.orders12m() > 0) {
                buyers++;
                if (facts.orders12m() > 1) {
                    repeat++;
                }
            }
        }

        BigDecimal retention() {
            return SegmentIndicators.ratio(retained, previousBuyers);
        }
    }
}
