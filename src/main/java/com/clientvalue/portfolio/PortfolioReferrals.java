package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.Referral;
import com.clientvalue.client.Referrals;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.PortfolioEvaluator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients won by referral as of a date: how many, how many in the last 12 months, their revenue and
 * clusters today (every client evaluated with the active rules, nothing audited), and who referred most.
 */
@Singleton
public class PortfolioReferrals {
    private static final int TOP = 20;
    private final Referrals referrals;
    private final PortfolioEvaluator evaluator;

    PortfolioReferrals(Referrals referrals, PortfolioEvaluator evaluator) {
        this.referrals = referrals;
        this.evaluator = evaluator;
    }

    @Serdeable
    @Schema(description = "Clients won by referral up to asOf")
    public record Report(LocalDate asOf, String ruleVersion,
                         @Schema(description = "clients referred by another client up to asOf") long referredClients,
                         @Schema(description = "of them, referred in the 12 months up to asOf") long referredLast12Months,
                         @Schema(description = "their revenue12m, summed") BigDecimal revenue12m,
                         @Schema(description = "their clusters as of asOf (NONE: no cluster decided)") Map<String, Long> byCluster,
                         @Schema(description = "the clients who referred most, at most 20") List<Referrer> topReferrers) {
    }

    @Serdeable
    public record Referrer(String clientId, long referrals, long referralsLast12Months) {
    }

    public Report compute(LocalDate asOf) {
        Map<String, Long> byCluster = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            byCluster.put(cluster.name(), 0L);
        }
        BigDecimal[] revenue = {BigDecimal.ZERO};
        String version = evaluator.evaluateAll(asOf, (ClientFacts facts, Evaluation evaluation) -> {
            if (facts.referredBy() == null) {
                return;
            }
            Cluster cluster = evaluation.outcome().cluster();
            byCluster.merge(cluster == null ? PortfolioDimension.NONE : cluster.name(), 1L, Long::sum);
            revenue[0] = revenue[0].add(facts.revenue12m());
        });
        List<Referral> made = referrals.upTo(asOf);
        LocalDate windowStart = asOf.minusDays(365);
        Map<String, long[]> perReferrer = new HashMap<>();
        long recent = 0;
        for (Referral referral : made) {
            long[] counts = perReferrer.computeIfAbsent(referral.referredBy(), k -> new long[2]);
            counts[0]++;
            if (referral.referredOn().isAfter(windowStart)) {
                counts[1]++;
                recent++;
            }
        }
        List<Referrer> top = perReferrer.entrySet().stream()
                .map(e -> new Referrer(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Referrer::referrals).reversed().thenComparing(Referrer::clientId))
                .limit(TOP).toList();
        return new Report(asOf, version, made.size(), recent, revenue[0].setScale(2, java.math.RoundingMode.HALF_UP), byCluster, top);
    }
}
