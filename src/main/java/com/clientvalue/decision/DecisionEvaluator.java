package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.ActionDefinition;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs one rule version on one client's inputs in a session of its own, disposed at the end,
 * and reads the outcome from the facts the rules inserted. No I/O: the caller audits.
 */
@Singleton
public class DecisionEvaluator {
    static final int MAX_FIRINGS = 10_000;

    public Evaluation evaluate(ClientFacts facts, RuleBase ruleBase) {
        return evaluate(facts, null, null, ruleBase);
    }

    public Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request,
                               RuleBase ruleBase) {
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            return evaluateIn(session, facts, previous, request, ruleBase);
        } finally {
            session.dispose();
        }
    }

    /**
     * One evaluation in a session the caller owns and has emptied (benchmarks try reused sessions
     * with it); the recorder listens for this evaluation only, and the inputs stay in the session.
     */
    Evaluation evaluateIn(KieSession session, ClientFacts facts, @Nullable PreviousDecision previous,
                          @Nullable ServiceRequest request, RuleBase ruleBase) {
        OutcomeRecorder recorder = new OutcomeRecorder(ruleBase);
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        try {
            session.insert(facts);
            facts.assessmentRatings().forEach(session::insert);
            if (previous != null) {
                session.insert(previous);
            }
            if (request != null) {
                session.insert(request);
            }
            int firings = session.fireAllRules(MAX_FIRINGS);
            if (firings >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + MAX_FIRINGS + " times for client "
                        + facts.clientId() + " without settling: a rule keeps re-activating itself");
            }
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
        }
        return new Evaluation(ruleBase.version(), outcome(facts, recorder.inserted(), request != null, ruleBase),
                recorder.fired(), reasons(recorder.fired()));
    }

    private static Outcome outcome(ClientFacts facts, List<OutcomeRecorder.Inserted> inserted, boolean serviceRequested,
                                   RuleBase ruleBase) {
        String clientId = facts.clientId();
        List<ProposedAction> actions = new ArrayList<>();
        for (OutcomeRecorder.Inserted fact : inserted) {
            if (fact.fact() instanceof ActionProposal proposal) {
                ActionDefinition definition = ruleBase.vocabulary().action(proposal.code())
                        .orElseThrow(() -> new IllegalStateException("action " + proposal.code() + " is not in the vocabulary"));
                actions.add(new ProposedAction(definition.code(), definition.description(), definition.channel(),
                        definition.owner(), definition.cadenceDays(), fact.rule().ruleId()));
            }
        }
        return new Outcome(
                single(clientId, "cluster", inserted, ClusterAssignment.class) instanceof ClusterAssignment c ? c.cluster() : null,
                single(clientId, "potential level", inserted, PotentialLevel.class) instanceof PotentialLevel p ? p.level() : null,
                single(clientId, "revenue level", inserted, RevenueLevel.class) instanceof RevenueLevel r ? r.level() : null,
                single(clientId, "lifecycle state", inserted, LifecycleAssignment.class) instanceof LifecycleAssignment l ? l.state() : null,
                single(clientId, "experience segment", inserted, ExperienceAssignment.class) instanceof ExperienceAssignment e
                        ? e.segment() : null,
                List.copyOf(actions),
                inserted.stream().filter(i -> i.fact() instanceof CategoryTag).map(i -> ((CategoryTag) i.fact()).code()).distinct().toList(),
                assessment(facts, inserted),
                serviceRequested ? serviceAnswer(inserted) : null);
    }

    /** The scoring tables' view of the latest assessment; null without one. */
    private static AssessmentResult assessment(ClientFacts facts, List<OutcomeRecorder.Inserted> inserted) {
        if (facts.daysSinceAssessment() == null) {
            return null;
        }
        String clientId = facts.clientId();
        AssessmentScore score = single(clientId, "assessment score", inserted, AssessmentScore.class) instanceof AssessmentScore s ? s : null;
        return new AssessmentResult(facts.asOf().minusDays(facts.daysSinceAssessment()),
                score == null ? null : score.riskScore(), score == null ? null : score.opportunityScore(),
                single(clientId, "risk band", inserted, RiskBand.class) instanceof RiskBand r ? r.band() : null,
                single(clientId, "opportunity band", inserted, OpportunityBand.class) instanceof OpportunityBand o ? o.band() : null,
                facts.abcClass(),
                single(clientId, "matrix position", inserted, MatrixPosition.class) instanceof MatrixPosition p ? p.position() : null,
                ofType(inserted, CriticalDimension.class).stream().map(i -> ((CriticalDimension) i.fact()).dimension())
                        .distinct().sorted().toList());
    }

    /** Granted when at least one rule grants and none refuses; refused by default. */
    private static ServiceAnswer serviceAnswer(List<OutcomeRecorder.Inserted> inserted) {
        List<OutcomeRecorder.Inserted> verdicts = ofType(inserted, ServiceVerdict.class);
        List<OutcomeRecorder.Inserted> refusals = verdicts.stream()
                .filter(v -> ((ServiceVerdict) v.fact()).verdict() == Verdict.REFUSED).toList();
        if (!refusals.isEmpty()) {
            return answer(false, refusals);
        }
        if (verdicts.isEmpty()) {
            return new ServiceAnswer(false, List.of("No rule grants this request, so it is refused."), List.of());
        }
        return answer(true, verdicts);
    }

    private static ServiceAnswer answer(boolean granted, List<OutcomeRecorder.Inserted> deciding) {
        return new ServiceAnswer(granted, deciding.stream().map(v -> v.rule().name()).toList(),
                deciding.stream().map(v -> v.rule().ruleId()).toList());
    }

    private static List<OutcomeRecorder.Inserted> ofType(List<OutcomeRecorder.Inserted> inserted, Class<?> type) {
        return inserted.stream().filter(i -> type.isInstance(i.fact())).toList();
    }

    private static Object single(String clientId, String what, List<OutcomeRecorder.Inserted> inserted, Class<?> type) {
        List<OutcomeRecorder.Inserted> found = ofType(inserted, type);
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
