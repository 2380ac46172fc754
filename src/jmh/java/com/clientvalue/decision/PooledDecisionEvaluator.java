package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Benchmark-only variant of {@link DecisionEvaluator} (not production code): the same inputs,
 * listener and outcome construction (DecisionEvaluator's own private methods, called through
 * method handles), but the KieSession comes from a Drools {@link KieSessionsPool} of the rule
 * version's KieBase instead of {@code newKieSession()}. {@code dispose()} on a pooled session
 * resets it and returns it to the pool; a session is used by one thread at a time.
 * <p><b>Not equivalent in Drools 10.2.0</b>: after a reset (pooled dispose, or
 * {@code StatefulKnowledgeSessionImpl.reset()}) the activation group of lifecycle-state.csv no
 * longer cancels the lower rows, so from the second use on a silent client gets LOST, INACTIVE
 * and ACTIVE at once (OutcomeConflict). Kept only so EquivalenceCheck can show it; not benchmarked.
 * Kept in this package only to reach the package-private OutcomeRecorder.
 */
public final class PooledDecisionEvaluator {
    private static final MethodHandle OUTCOME;
    private static final MethodHandle REASONS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(DecisionEvaluator.class, MethodHandles.lookup());
            OUTCOME = lookup.findStatic(DecisionEvaluator.class, "outcome", MethodType.methodType(Outcome.class,
                    ClientFacts.class, List.class, boolean.class, RuleBase.class));
            REASONS = lookup.findStatic(DecisionEvaluator.class, "reasons", MethodType.methodType(List.class, List.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RuleBase ruleBase;
    private final KieSessionsPool pool;

    public PooledDecisionEvaluator(RuleBase ruleBase, int initialSize) {
        this.ruleBase = ruleBase;
        this.pool = ruleBase.kieBase().newKieSessionsPool(initialSize);
    }

    public Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request) {
        OutcomeRecorder recorder = new OutcomeRecorder(ruleBase);
        KieSession session = pool.newKieSession();
        try {
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            session.insert(facts);
            facts.assessmentRatings().forEach(session::insert);
            if (previous != null) {
                session.insert(previous);
            }
            if (request != null) {
                session.insert(request);
            }
            int firings = session.fireAllRules(DecisionEvaluator.MAX_FIRINGS);
            if (firings >= DecisionEvaluator.MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + DecisionEvaluator.MAX_FIRINGS + " times for client "
                        + facts.clientId() + " without settling");
            }
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            session.dispose();   // pooled: reset and back to the pool
        }
        try {
            List<RuleDescriptor> fired = recorder.fired();
            Outcome outcome = (Outcome) OUTCOME.invokeExact(facts, recorder.inserted(), request != null, ruleBase);
            @SuppressWarnings("unchecked")
            List<String> reasons = (List<String>) REASONS.invokeExact(fired);
            return new Evaluation(ruleBase.version(), outcome, fired, reasons);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public void close() {
        pool.shutdown();
    }
}
