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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one rule version on one client's inputs and reads the outcome from the facts the rules
 * inserted. No I/O: the caller audits. A rule version whose compile-time check allows it
 * ({@link RuleBase#sessionReuse()}) runs in this thread's emptied session of it
 * ({@link ThreadSessions}); any other in a new session, disposed at the end. Both give the same
 * outcome and fired rules (SessionReuseEquivalenceRulesTest).
 */
@Singleton
public class DecisionEvaluator {
    static final int MAX_FIRINGS = 10_000;

    public Evaluation evaluate(ClientFacts facts, RuleBase ruleBase) {
        return evaluate(facts, null, null, ruleBase);
    }

    public Evaluation evaluate(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request,
                               RuleBase ruleBase) {
        ThreadSessions.Held held = ThreadSessions.take(ruleBase);
        if (held == null) {
            return evaluateInNewSession(facts, previous, request, ruleBase);
        }
        boolean emptied = false;
        try {
            held.recorder.clear();
            fire(held.session, facts, previous, request);
            try {
                return result(held.recorder, facts, request, ruleBase); // read before the facts are deleted
            } finally {
                emptied = held.empty();
            }
        } finally {
            ThreadSessions.giveBack(held, emptied);
        }
    }

    /** The evaluation in a new session of its own, disposed at the end: what a reused session must equal. */
    Evaluation evaluateInNewSession(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request,
                                    RuleBase ruleBase) {
        KieSession session = ruleBase.kieBase().newKieSession();
        OutcomeRecorder recorder = new OutcomeRecorder();
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        try {
            fire(session, facts, previous, request);
        } finally {
            session.dispose();
        }
        return result(recorder, facts, request, ruleBase);
    }

    static void fire(KieSession session, ClientFacts facts, @Nullable PreviousDecision previous,
                             @Nullable ServiceRequest request) {
        session.insert(facts);
        for (Object rating : facts.assessmentRatings()) {
            session.insert(rating);
        }
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
    }

    static Evaluation result(OutcomeRecorder recorder, ClientFacts facts, @Nullable ServiceRequest request,
                                     RuleBase ruleBase) {
        List<RuleDescriptor> fired = recorder.fired(ruleBase);
        return new Evaluation(ruleBase.version(), outcome(facts, recorder.inserted(ruleBase), request != null, ruleBase),
                fired, reasons(fired));
    }

    private static Outcome outcome(ClientFacts facts, List<OutcomeRecorder.Inserted> inserted, boolean serviceRequested,
                                   RuleBase ruleBase) {
        Inserts byType = new Inserts(facts.clientId(), inserted);
        List<ProposedAction> actions = new ArrayList<>();
        for (OutcomeRecorder.Inserted fact : byType.all(ActionProposal.class)) {
            ActionProposal proposal = (ActionProposal) fact.fact();
            ActionDefinition definition = ruleBase.vocabulary().action(proposal.code())
                    .orElseThrow(() -> new IllegalStateException("action " + proposal.code() + " is not in the vocabulary"));
            actions.add(new ProposedAction(definition.code(), definition.description(), definition.channel(),
                    definition.owner(), definition.cadenceDays(), fact.rule().ruleId()));
        }
        return new Outcome(
                byType.single("cluster", ClusterAssignment.class) instanceof ClusterAssignment c ? c.cluster() : null,
                byType.single("potential level", PotentialLevel.class) instanceof PotentialLevel p ? p.level() : null,
                byType.single("revenue level", RevenueLevel.class) instanceof RevenueLevel r ? r.level() : null,
                byType.single("lifecycle state", LifecycleAssignment.class) instanceof LifecycleAssignment l ? l.state() : null,
                byType.single("experience segment", ExperienceAssignment.class) instanceof ExperienceAssignment e
                        ? e.segment() : null,
                List.copyOf(actions),
                categories(byType.all(CategoryTag.class)),
                assessment(facts, byType),
                serviceRequested ? serviceAnswer(byType.all(ServiceVerdict.class)) : null);
    }

    /** The category codes in insertion order, each once. */
    private static List<String> categories(List<OutcomeRecorder.Inserted> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(tags.size());
        for (OutcomeRecorder.Inserted tag : tags) {
            String code = ((CategoryTag) tag.fact()).code();
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return java.util.Collections.unmodifiableList(codes);
    }

    /** The scoring tables' view of the latest assessment; null without one. */
    private static AssessmentResult assessment(ClientFacts facts, Inserts byType) {
        if (facts.daysSinceAssessment() == null) {
            return null;
        }
        AssessmentScore score = byType.single("assessment score", AssessmentScore.class) instanceof AssessmentScore s ? s : null;
        return new AssessmentResult(facts.asOf().minusDays(facts.daysSinceAssessment()),
                score == null ? null : score.riskScore(), score == null ? null : score.opportunityScore(),
                byType.single("risk band", RiskBand.class) instanceof RiskBand r ? r.band() : null,
                byType.single("opportunity band", OpportunityBand.class) instanceof OpportunityBand o ? o.band() : null,
                facts.abcClass(),
                byType.single("matrix position", MatrixPosition.class) instanceof MatrixPosition p ? p.position() : null,
                byType.all(CriticalDimension.class).stream().map(i -> ((CriticalDimension) i.fact()).dimension())
                        .distinct().sorted().toList());
    }

    /** Granted when at least one rule grants and none refuses; refused by default. */
    private static ServiceAnswer serviceAnswer(List<OutcomeRecorder.Inserted> verdicts) {
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

    // in rule id order: the firing order of rules of equal salience follows the order their files were loaded in,
    // which an equivalent rule set (a table copied to xlsx) does not keep
    private static ServiceAnswer answer(boolean granted, List<OutcomeRecorder.Inserted> deciding) {
        List<OutcomeRecorder.Inserted> ordered = deciding.stream()
                .sorted(java.util.Comparator.comparing((OutcomeRecorder.Inserted v) -> v.rule().ruleId())).toList();
        return new ServiceAnswer(granted, ordered.stream().map(v -> v.rule().name()).toList(),
                ordered.stream().map(v -> v.rule().ruleId()).toList());
    }

    /** The inserted outcome facts grouped by type in one pass, each group in insertion order. */
    private static final class Inserts {
        private final String clientId;
        private final Map<Class<?>, List<OutcomeRecorder.Inserted>> byType = new HashMap<>();

        Inserts(String clientId, List<OutcomeRecorder.Inserted> inserted) {
            this.clientId = clientId;
            for (OutcomeRecorder.Inserted fact : inserted) {
                byType.computeIfAbsent(fact.fact().getClass(), type -> new ArrayList<>(2)).add(fact);
            }
        }

        List<OutcomeRecorder.Inserted> all(Class<?> type) {
            return byType.getOrDefault(type, List.of());
        }

        /** The one fact of this type, null when none; two or more are a conflict between rows. */
        Object single(String what, Class<?> type) {
            List<OutcomeRecorder.Inserted> found = all(type);
            if (found.size() > 1) {
                throw new OutcomeConflict(clientId, what, found.stream().map(i -> i.rule().ruleId() + " (" + i.rule().file()
                        + " row " + i.rule().row() + ")").collect(Collectors.joining(", ")));
            }
            return found.isEmpty() ? null : found.get(0).fact();
        }
    }

    private static List<String> reasons(List<RuleDescriptor> fired) {
        if (fired.isEmpty()) {
            return List.of("No rule applied to these facts.");
        }
        String[] reasons = new String[fired.size()];
        for (int i = 0; i < reasons.length; i++) {
            RuleDescriptor rule = fired.get(i);
            reasons[i] = rule.name() + " [" + rule.ruleId() + "]";
        }
        return List.of(reasons);
    }
}
