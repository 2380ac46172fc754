package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark-only variant of {@link DecisionEvaluator} (not production code): the same inputs,
 * listener and outcome construction (DecisionEvaluator's own private methods, called through
 * method handles), but one stateful KieSession is reused for many evaluations: after each one
 * the listeners are removed and every fact handle (inputs and rule-inserted outcomes) is
 * deleted, which leaves the session's working memory and agenda empty. NOT thread-safe: one
 * instance per thread (a JMH thread state here; a ThreadLocal or a checked-out pool in a
 * service), so no mutable session state is shared between concurrent requests.
 * (Drools' own reset, used by KieSessionsPool, is not usable: see PooledDecisionEvaluator.)
 * Kept in this package only to reach the package-private OutcomeRecorder.
 */
public final class ReusedSessionEvaluator {
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
    private final KieSession session;

    public ReusedSessionEvaluator(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.session = ruleBase.kieBase().newKieSession();
    }

    public Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request) {
        OutcomeRecorder recorder = new OutcomeRecorder(ruleBase);
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
            for (FactHandle handle : new ArrayList<FactHandle>(session.<FactHandle>getFactHandles())) {
                session.delete(handle);
            }
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
        session.dispose();
    }
}
