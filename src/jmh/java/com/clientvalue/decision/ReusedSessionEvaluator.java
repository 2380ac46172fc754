package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleBase;
import io.micronaut.core.annotation.Nullable;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;

/**
 * Benchmark-only variant of {@link DecisionEvaluator} (not production code): the production
 * evaluation ({@link DecisionEvaluator#evaluateIn}) in one stateful KieSession reused for many
 * evaluations; after each one every fact handle (inputs and rule-inserted outcomes) is deleted,
 * which leaves the session's working memory and agenda empty. NOT thread-safe: one instance per
 * thread (a JMH thread state here), so no mutable session state is shared between concurrent
 * requests. (Drools' own reset, used by KieSessionsPool, is not usable: see PooledDecisionEvaluator.)
 */
public final class ReusedSessionEvaluator {
    private static final DecisionEvaluator EVALUATOR = new DecisionEvaluator();
    private final RuleBase ruleBase;
    private final KieSession session;

    public ReusedSessionEvaluator(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.session = ruleBase.kieBase().newKieSession();
    }

    public Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request) {
        try {
            return EVALUATOR.evaluateIn(session, facts, previous, request, ruleBase);
        } finally {
            for (FactHandle handle : new ArrayList<FactHandle>(session.<FactHandle>getFactHandles())) {
                session.delete(handle);
            }
        }
    }

    public void close() {
        session.dispose();
    }
}
