package com.clientvalue.decision;

import com.clientvalue.bench.BenchFacts;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.governance.scenario.ScenarioInputs;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleSource;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production evaluation, which reuses this thread's emptied session when the rule base allows
 * it, gives exactly what a new session gives (outcome, fired rules in order, reasons, or the same
 * failure), on the generated portfolio and on every scenario of rules/tests; a rule base with a rule
 * that fires on absence is refused reuse and falls back to new sessions.
 */
class SessionReuseEquivalenceRulesTest {
    private static final int CLIENTS = 10_000;
    private static final String[] SERVICES = {"TECHNICAL_SUPPORT", "ON_SITE_VISIT", "TRAINING", "PRIORITY_LANE",
            "EXPRESS_DELIVERY", "EXTENDED_PAYMENT_TERMS"};
    private final DecisionEvaluator evaluator = new DecisionEvaluator();

    @Test
    void theDefaultRuleBaseAllowsReuse() {
        assertEquals(List.of(), RealRules.get().sessionReuse().blockers());
    }

    @Test
    void reusedSessionsDecideLikeNewOnesOnTheGeneratedPortfolio() {
        RuleBase rules = RealRules.get();
        BenchFacts.Input[] inputs = BenchFacts.generate(CLIENTS);
        List<String> differences = new ArrayList<>();
        int withRequest = 0;
        for (int i = 0; i < inputs.length; i++) {
            // a plain decision, and for every other client a service request too, as batches and impact previews mix them
            compare("client " + i, inputs[i].facts(), inputs[i].previous(), null, rules, differences);
            if (i % 2 == 0) {
                compare("client " + i + " with a request", inputs[i].facts(), inputs[i].previous(), request(i), rules, differences);
                withRequest++;
            }
        }
        assertTrue(ThreadSessions.keeps(rules), "the evaluations did not reuse a session");
        assertEquals(List.of(), differences.stream().limit(10).toList(), differences.size() + " evaluations differ");
        assertTrue(withRequest >= CLIENTS / 2);
        assertTrue(java.util.Arrays.stream(inputs).filter(in -> in.previous() != null).count() > CLIENTS / 2);
    }

    @Test
    void reusedSessionsDecideLikeNewOnesOnEveryScenario() {
        RuleBase rules = RealRules.get();
        List<ScenarioInputs.Given> givens = ScenarioInputs.of(rules);
        List<String> differences = new ArrayList<>();
        // forwards, then backwards: each scenario follows two different evaluations in the reused session
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < givens.size(); k++) {
                ScenarioInputs.Given given = givens.get(pass == 0 ? k : givens.size() - 1 - k);
                compare(given.where(), given.facts(), given.previous(), given.request(), rules, differences);
            }
        }
        assertTrue(givens.size() >= 60, "scenarios: " + givens.size());
        assertTrue(givens.stream().anyMatch(g -> g.request() != null) && givens.stream().anyMatch(g -> g.previous() != null));
        assertTrue(ThreadSessions.keeps(rules), "the evaluations did not reuse a session");
        assertEquals(List.of(), differences);
    }

    @Test
    void aRuleBaseWithARuleThatFiresOnAbsenceIsEvaluatedInNewSessions() throws IOException {
        List<RuleSource> sources = new ArrayList<>(RealRules.get().sources());
        sources.add(new RuleSource("test/fires-on-absence.drl", resource("/session-reuse/fires-on-absence.drl")));
        RuleBase rules = ActiveRuleBase.compile(sources);
        BenchFacts.Input[] inputs = BenchFacts.generate(3);

        assertFalse(rules.sessionReuse().allowed());
        assertEquals(List.of("rule 'A client evaluated without a service request is tagged' can fire on the absence of facts"
                + " (its conditions do not start with a pattern on an inserted fact)"), rules.sessionReuse().blockers());
        for (BenchFacts.Input in : inputs) {
            Evaluation evaluation = evaluator.evaluate(in.facts(), in.previous(), null, rules);
            assertTrue(evaluation.outcome().categories().contains("NO_REQUEST"), in.facts().clientId() + ": " + evaluation);
        }
        assertFalse(ThreadSessions.keeps(rules));
        // what the check prevents: the same rule base in one session emptied between clients tags the first client only
        assertEquals(List.of(true, false, false), tagsInOneEmptiedSession(rules, inputs));
    }

    private void compare(String what, ClientFacts facts, PreviousDecision previous, ServiceRequest request, RuleBase rules,
                         List<String> differences) {
        Object expected = outcomeOrFailure(() -> evaluator.evaluateInNewSession(facts, previous, request, rules));
        Object actual = outcomeOrFailure(() -> evaluator.evaluate(facts, previous, request, rules));
        if (!Objects.equals(expected, actual)) {
            differences.add(what + ":\n  new session: " + expected + "\n  production:  " + actual);
        }
    }

    /** The whole evaluation, or the failure's type and message. */
    private static Object outcomeOrFailure(java.util.function.Supplier<Evaluation> evaluation) {
        try {
            Evaluation e = evaluation.get();
            List<String> fired = e.firedRules().stream().map(RuleDescriptor::ruleId).toList();
            return List.of(e.ruleVersion(), e.outcome(), fired, e.firedRules(), e.reasons());
        } catch (RuntimeException failure) {
            return failure.getClass().getName() + ": " + failure.getMessage();
        }
    }

    /** Requests of every kind: paid or not, discounts around the tables' thresholds, standard and exception services. */
    private static ServiceRequest request(int i) {
        String service = SERVICES[i % SERVICES.length];
        String category = service.startsWith("TECHNICAL") || service.startsWith("ON_SITE") || service.startsWith("TRAINING")
                ? "STANDARD" : "EXCEPTION";
        BigDecimal[] discounts = {BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("5.5"), new BigDecimal("15"), new BigDecimal("20")};
        return new ServiceRequest(service, category, i % 3 == 0, discounts[(i / 3) % discounts.length], (i / 7) % 5);
    }

    private static List<Boolean> tagsInOneEmptiedSession(RuleBase rules, BenchFacts.Input[] inputs) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            List<Boolean> tagged = new ArrayList<>();
            for (BenchFacts.Input in : inputs) {
                OutcomeRecorder recorder = new OutcomeRecorder();
                session.addEventListener((AgendaEventListener) recorder);
                session.addEventListener((RuleRuntimeEventListener) recorder);
                DecisionEvaluator.fire(session, in.facts(), in.previous(), null);
                tagged.add(DecisionEvaluator.result(recorder, in.facts(), null, rules).outcome().categories().contains("NO_REQUEST"));
                session.removeEventListener((AgendaEventListener) recorder);
                session.removeEventListener((RuleRuntimeEventListener) recorder);
                for (FactHandle handle : session.getFactHandles().toArray(new FactHandle[0])) {
                    session.delete(handle);
                }
                assertEquals(0, session.fireAllRules());
            }
            return tagged;
        } finally {
            session.dispose();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SessionReuseEquivalenceRulesTest.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }
}
