package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import jakarta.inject.Singleton;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs one rule version on one client's facts in a session of its own, disposed at the end,
 * and reads the outcome from the facts the rules inserted. No I/O: the caller audits.
 */
@Singleton
public class DecisionEvaluator {
    static final int MAX_FIRINGS = 10_000;

    public Evaluation evaluate(ClientFacts facts, RuleBase ruleBase) {
        OutcomeRecorder recorder = new OutcomeRecorder(ruleBase);
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            session.insert(facts);
            int firings = session.fireAllRules(MAX_FIRINGS);
            if (firings >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + MAX_FIRINGS + " times for client "
                        + facts.clientId() + " without settling: a rule keeps re-activating itself");
            }
        } finally {
            session.dispose();
        }
        return new Evaluation(ruleBase.version(), outcome(facts.clientId(), recorder.inserted()), recorder.fired(),
                reasons(recorder.fired()));
    }

    private static Outcome outcome(String clientId, List<OutcomeRecorder.Inserted> inserted) {
        List<OutcomeRecorder.Inserted> clusters = ofType(inserted, ClusterAssignment.class);
        List<OutcomeRecorder.Inserted> potential = ofType(inserted, PotentialLevel.class);
        List<OutcomeRecorder.Inserted> revenue = ofType(inserted, RevenueLevel.class);
        List<ProposedAction> actions = new ArrayList<>();
        for (OutcomeRecorder.Inserted fact : inserted) {
            if (fact.fact() instanceof ActionProposal proposal) {
                actions.add(new ProposedAction(proposal.code(), fact.rule().ruleId()));
            }
        }
        return new Outcome(
                single(clientId, "cluster", clusters) instanceof ClusterAssignment c ? c.cluster() : null,
                single(clientId, "potential level", potential) instanceof PotentialLevel p ? p.level() : null,
                single(clientId, "revenue level", revenue) instanceof RevenueLevel r ? r.level() : null,
                List.copyOf(actions));
    }

    private static List<OutcomeRecorder.Inserted> ofType(List<OutcomeRecorder.Inserted> inserted, Class<?> type) {
        return inserted.stream().filter(i -> type.isInstance(i.fact())).toList();
    }

    private static Object single(String clientId, String what, List<OutcomeRecorder.Inserted> found) {
        if (found.size() > 1) {
            throw new OutcomeConflict(clientId, what, found.stream().map(i -> i.rule().ruleId() + " (" + i.rule().file()
                    + " row " + i.rule().row() + ")").collect(Collectors.joining(", ")));
        }
        return found.isEmpty() ? null : found.get(0).fact();
    }

    private static List<String> reasons(List<RuleDescriptor> fired) {
        if (fired.isEmpty()) {
            return List.of("No rule applied to these facts.");
        }
        return fired.stream().map(rule -> rule.name() + " [" + rule.ruleId() + "]").toList();
    }
}
