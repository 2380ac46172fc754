package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleBase;
import io.micronaut.core.annotation.Nullable;

/**
 * Benchmark access to the evaluation in a new session per client ({@link DecisionEvaluator#evaluateInNewSession}):
 * the production path before issue 15 and still its fallback for rule bases whose sessions may not be
 * reused, measured beside the production path (which reuses this thread's emptied session).
 */
public final class NewSessionEvaluator {
    private static final DecisionEvaluator EVALUATOR = new DecisionEvaluator();

    private NewSessionEvaluator() {
    }

    public static Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request,
                                      RuleBase ruleBase) {
        return EVALUATOR.evaluateInNewSession(facts, previous, request, ruleBase);
    }
}
