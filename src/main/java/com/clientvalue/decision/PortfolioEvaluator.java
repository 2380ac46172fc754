package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Evaluates every stored client as a decision would (same inputs, same rule version for all),
 * without auditing: for portfolio views, which describe and do not decide.
 */
@Singleton
public class PortfolioEvaluator {
    private final DecisionInputs inputs;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;

    PortfolioEvaluator(DecisionInputs inputs, ActiveRuleBase rules, DecisionEvaluator evaluator) {
        this.inputs = inputs;
        this.rules = rules;
        this.evaluator = evaluator;
    }

    /** @return the rule version every client was evaluated with */
    public String evaluateAll(LocalDate asOf, BiConsumer<ClientFacts, Evaluation> consumer) {
        RuleBase ruleBase = rules.current();
        // evaluations are independent (a session each): a chunk is spread over the cores, then handed over in order
        inputs.forEachChunk(asOf, chunk -> {
            List<Evaluation> evaluations = chunk.parallelStream()
                    .map(in -> evaluator.evaluate(in.facts(), in.previous(), null, ruleBase)).toList();
            for (int i = 0; i < chunk.size(); i++) {
                consumer.accept(chunk.get(i).facts(), evaluations.get(i));
            }
        });
        return ruleBase.version();
    }
}
