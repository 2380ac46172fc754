package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleBase;
import io.micronaut.core.annotation.Nullable;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Benchmark-only variant of {@link DecisionEvaluator} (not production code): the production
 * evaluation (DecisionEvaluator's fire and result) in a session from a Drools
 * {@link KieSessionsPool} of the rule version's KieBase; {@code dispose()} on a pooled session
 * resets it and returns it to the pool.
 * <p><b>Not equivalent in Drools 10.2.0</b>: after a reset (pooled dispose, or
 * {@code StatefulKnowledgeSessionImpl.reset()}) the activation group of lifecycle-state.csv no
 * longer cancels the lower rows, so from the second use on a silent client gets LOST, INACTIVE
 * and ACTIVE at once (OutcomeConflict). Kept only so EquivalenceCheck can show it; not benchmarked.
 */
public final class PooledDecisionEvaluator {
    private final RuleBase ruleBase;
    private final KieSessionsPool pool;

    public PooledDecisionEvaluator(RuleBase ruleBase, int initialSize) {
        this.ruleBase = ruleBase;
        this.pool = ruleBase.kieBase().newKieSessionsPool(initialSize);
    }

    public Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request) {
        KieSession session = pool.newKieSession();
        OutcomeRecorder recorder = new OutcomeRecorder();
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        try {
            DecisionEvaluator.fire(session, facts, previous, request);
            return DecisionEvaluator.result(recorder, facts, request, ruleBase);
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            session.dispose(); // pooled: reset and back to the pool
        }
    }

    public void close() {
        pool.shutdown();
    }
}
