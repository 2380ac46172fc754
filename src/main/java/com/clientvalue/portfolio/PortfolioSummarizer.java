package com.clientvalue.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.FactsLoader;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.ExperienceSegment;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.PortfolioEvaluator;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up clients and revenue per segment over every client evaluated with the active rules, each
 * segment a value of a {@link PortfolioDimension} (the clients behind it: {@link PortfolioClients}).
 */
@Singleton
public class PortfolioSummarizer {
    static final String NONE = "NONE";
    static final String UNKNOWN_REASON = "UNKNOWN";
    private final PortfolioEvaluator evaluator;
    private final FactsLoader facts;

    PortfolioSummarizer(PortfolioEvaluator evaluator, FactsLoader facts) {
        this.evaluator = evaluator;
        this.facts = facts;
    }

    public PortfolioSummary summarize(LocalDate asOf) {
        Map<String, Tally> clusters = tallies(Cluster.values());
        Map<String, Tally> classes = tallies(AbcClass.values());
        Map<String, Tally> lifecycles = tallies(Lifecycle.values());
        Map<String, Tally> experience = tallies(ExperienceSegment.values());
        Map<String, long[]> losses = new TreeMap<>();
        Tally all = new Tally();
        String version = evaluator.evaluateAll(asOf, (ClientFacts clientFacts, Evaluation evaluation) -> {
            Outcome outcome = evaluation.outcome();
            BigDecimal revenue = clientFacts.revenue12m();
            add(clusters, PortfolioDimension.CLUSTER.of(clientFacts, outcome), revenue);
            add(classes, PortfolioDimension.ABC_CLASS.of(clientFacts, outcome), revenue);
            add(lifecycles, PortfolioDimension.LIFECYCLE.of(clientFacts, outcome), revenue);
            add(experience, PortfolioDimension.EXPERIENCE_SEGMENT.of(clientFacts, outcome), revenue);
            all.add(revenue);
            String reason = PortfolioDimension.LOSS_REASON.of(clientFacts, outcome);
            if (reason != null) {
                losses.computeIfAbsent(reason, r -> new long[2])[outcome.lifecycle() == Lifecycle.LOST ? 0 : 1]++;
            }
        });
        List<PortfolioSummary.LossFigures> lossFigures = new ArrayList<>();
        losses.forEach((reason, counts) -> lossFigures.add(new PortfolioSummary.LossFigures(reason, counts[0], counts[1])));
        return new PortfolioSummary(asOf, version, all.clients, all.revenue, figures(clusters), figures(classes),
                figures(lifecycles), figures(experience), lossFigures, facts.abc(asOf));
    }

    private static Map<String, Tally> tallies(Enum<?>[] values) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            tallies.put(value.name(), new Tally());
        }
        return tallies;
    }

    private static void add(Map<String, Tally> tallies, String segment, BigDecimal revenue) {
        tallies.computeIfAbsent(segment, k -> new Tally()).add(revenue);
    }

    private static List<SegmentFigures> figures(Map<String, Tally> tallies) {
        List<SegmentFigures> figures = new ArrayList<>();
        tallies.forEach((segment, tally) -> figures.add(new SegmentFigures(segment, tally.clients, tally.revenue)));
        return figures;
    }

    private static final class Tally {
        long clients;
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);

        void add(BigDecimal revenue12m) {
            clients++;
            revenue = revenue.add(revenue12m);
        }
    }
}
