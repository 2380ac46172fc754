package com.clientvalue.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.FactsLoader;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every stored client with the active rules (the decision path without the audit: a
 * summary is a view, not a decision) and adds up clients and revenue per segment.
 */
@Singleton
class PortfolioSummarizer {
    static final String NO_CLUSTER = "NONE";
    private final FactsLoader facts;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;

    PortfolioSummarizer(FactsLoader facts, ActiveRuleBase rules, DecisionEvaluator evaluator) {
        this.facts = facts;
        this.rules = rules;
        this.evaluator = evaluator;
    }

    PortfolioSummary summarize(LocalDate asOf) {
        RuleBase ruleBase = rules.current();
        Map<String, Tally> clusters = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            clusters.put(cluster.name(), new Tally());
        }
        Map<String, Tally> classes = new LinkedHashMap<>();
        for (AbcClass abcClass : AbcClass.values()) {
            classes.put(abcClass.name(), new Tally());
        }
        Tally all = new Tally();
        facts.forEach(asOf, clientFacts -> {
            Evaluation evaluation = evaluator.evaluate(clientFacts, ruleBase);
            Cluster cluster = evaluation.outcome().cluster();
            clusters.computeIfAbsent(cluster == null ? NO_CLUSTER : cluster.name(), k -> new Tally()).add(clientFacts.revenue12m());
            classes.get(clientFacts.abcClass().name()).add(clientFacts.revenue12m());
            all.add(clientFacts.revenue12m());
        });
        return new PortfolioSummary(asOf, ruleBase.version(), all.clients, all.revenue, figures(clusters), figures(classes),
                facts.abc(asOf));
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
