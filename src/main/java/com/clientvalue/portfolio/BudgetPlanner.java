package com.clientvalue.portfolio;

import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.PortfolioEvaluator;
import com.clientvalue.rules.ActiveRuleBase;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The budget use case: every client's cluster as of a date (evaluated with the active rules, nothing
 * audited) and the weights of that same version, handed to {@link BudgetAllocation}. The API and the
 * console both split a budget through here.
 */
@Singleton
public class BudgetPlanner {
    private final PortfolioEvaluator evaluator;
    private final ActiveRuleBase rules;
    private final BudgetWeights weights;

    BudgetPlanner(PortfolioEvaluator evaluator, ActiveRuleBase rules, BudgetWeights weights) {
        this.evaluator = evaluator;
        this.rules = rules;
        this.weights = weights;
    }

    public BudgetAllocation allocate(BigDecimal total, LocalDate asOf) {
        Map<Cluster, Long> clients = new EnumMap<>(Cluster.class);
        String version = evaluator.evaluateAll(asOf, (facts, evaluation) -> {
            if (evaluation.outcome().cluster() != null) {
                clients.merge(evaluation.outcome().cluster(), 1L, Long::sum);
            }
        });
        return BudgetAllocation.of(asOf, version, total, clients, weights.of(rules.compiled(version)));
    }
}
