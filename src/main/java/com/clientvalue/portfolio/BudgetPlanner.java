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
    private final InitiativeWeights initiatives;

    BudgetPlanner(PortfolioEvaluator evaluator, ActiveRuleBase rules, BudgetWeights weights, InitiativeWeights initiatives) {
        this.initiatives = initiatives;
        this.evaluator = evaluator;
        this.rules = rules;
        this.weights = weights;
    }

    public BudgetAllocation allocate(BigDecimal total, LocalDate asOf) {
        Map<Cluster, Long> clients = new EnumMap<>(Cluster.class);
        Map<Cluster, Map<com.clientvalue.decision.Lifecycle, Long>> states = new EnumMap<>(Cluster.class);
        String version = evaluator.evaluateAll(asOf, (facts, evaluation) -> {
            Cluster cluster = evaluation.outcome().cluster();
            if (cluster != null) {
                clients.merge(cluster, 1L, Long::sum);
                if (evaluation.outcome().lifecycle() != null) {
                    states.computeIfAbsent(cluster, c -> new EnumMap<>(com.clientvalue.decision.Lifecycle.class))
                            .merge(evaluation.outcome().lifecycle(), 1L, Long::sum);
                }
            }
        });
        com.clientvalue.rules.RuleBase compiled = rules.compiled(version);
        return BudgetAllocation.of(asOf, version, total, clients, weights.of(compiled))
                .withInitiatives(states, initiatives.of(compiled));
    }
}
