package com.clientvalue.bench;

import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.PooledDecisionEvaluator;
import com.clientvalue.decision.ProposedAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks that the hand-written tables and the DMN model of them (on KIE DMN and on Camunda) decide
 * like the rule engine on generated clients: same cluster, potential and revenue level,
 * lifecycle, and the same action codes from the tables the hand-written engine implements
 * (actions whose rule id starts with POT-, ACT- or TRG-; the engine's other tables, e.g.
 * experience, complaints, assessment, propose more actions).
 * Run by the benchmarks' setup, or alone:
 * {@code java -cp <test classpath> com.clientvalue.bench.EquivalenceCheck [clients]}.
 */
public final class EquivalenceCheck {
    static final List<String> COMPARED_RULE_PREFIXES = List.of("POT-", "ACT-", "TRG-");

    private EquivalenceCheck() {
    }

    /** Compares both engines on the inputs; returns the mismatches (at most maxReported described). */
    public static List<String> compare(BenchFacts.Input[] inputs, Function<BenchFacts.Input, Evaluation> drools,
                                       HandWrittenEngine hand, int maxReported) {
        return compare(inputs, drools, "hand", in -> hand.evaluate(in.facts(), in.previous()), maxReported);
    }

    /**
     * Compares Drools with another implementation of the same tables (hand-written, a DMN model)
     * on the inputs; returns the mismatches (at most maxReported described).
     */
    public static List<String> compare(BenchFacts.Input[] inputs, Function<BenchFacts.Input, Evaluation> drools,
                                       String name, Function<BenchFacts.Input, HandWrittenEngine.Result> other,
                                       int maxReported) {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (BenchFacts.Input in : inputs) {
            Outcome engine;
            HandWrittenEngine.Result mine;
            try {
                engine = drools.apply(in).outcome();
                mine = other.apply(in);
            } catch (RuntimeException e) {
                count++;
                if (mismatches.size() < maxReported) {
                    mismatches.add(in.facts().clientId() + ": an engine failed: " + e);
                }
                continue;
            }
            List<String> engineActions = engine.actions().stream()
                    .filter(a -> COMPARED_RULE_PREFIXES.stream().anyMatch(p -> a.ruleId().startsWith(p)))
                    .map(ProposedAction::code).sorted().toList();
            List<String> otherActions = mine.actions().stream().sorted().toList();
            if (engine.cluster() != mine.cluster() || engine.lifecycle() != mine.lifecycle()
                    || engine.potentialLevel() != mine.potentialLevel() || engine.revenueLevel() != mine.revenueLevel()
                    || !Objects.equals(engineActions, otherActions)) {
                count++;
                if (mismatches.size() < maxReported) {
                    mismatches.add(in.facts() + " previous=" + in.previous() + "\n  drools: " + engine.cluster() + " "
                            + engine.potentialLevel() + "/" + engine.revenueLevel() + " " + engine.lifecycle() + " "
                            + engineActions + "\n  " + name + ": " + mine.cluster() + " " + mine.potentialLevel() + "/"
                            + mine.revenueLevel() + " " + mine.lifecycle() + " " + otherActions);
                }
            }
        }
        if (count > mismatches.size()) {
            mismatches.add("... " + (count - mismatches.size()) + " more mismatches");
        }
        return mismatches;
    }

    /** Throws with the first mismatches described if the engines disagree on any input. */
    public static void require(BenchFacts.Input[] inputs, Function<BenchFacts.Input, Evaluation> drools, HandWrittenEngine hand,
                               String what) {
        List<String> mismatches = compare(inputs, drools, hand, 10);
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException(what + ": hand-written engine and Drools disagree:\n" + String.join("\n", mismatches));
        }
    }

    /** Throws with the first mismatches described if the other implementation disagrees with Drools on any input. */
    public static void require(BenchFacts.Input[] inputs, Function<BenchFacts.Input, Evaluation> drools, String name,
                               Function<BenchFacts.Input, HandWrittenEngine.Result> other) {
        List<String> mismatches = compare(inputs, drools, name, other, 10);
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException(name + " and Drools disagree:\n" + String.join("\n", mismatches));
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        BenchFacts.Input[] inputs = BenchFacts.generate(n);
        System.out.println(BenchFacts.describe(inputs));
        DroolsEngine drools = DroolsEngine.load();
        HandWrittenEngine hand = new HandWrittenEngine();
        List<String> m1 = compare(inputs, drools::evaluate, hand, 20);
        List<String> m2 = compare(inputs, drools::evaluateInNewSession, hand, 20);
        int reusedDiffer = differences(inputs, drools, drools::evaluateInNewSession);
        PooledDecisionEvaluator pooled = drools.pooled(1);
        int pooledDiffer = differences(inputs, drools, in -> pooled.evaluate(in.facts(), in.previous(), null));
        pooled.close();
        System.out.println("production evaluator vs hand-written: " + (m1.isEmpty() ? "no mismatch" : String.join("\n", m1)));
        System.out.println("new session per client vs hand-written: " + (m2.isEmpty() ? "no mismatch" : String.join("\n", m2)));
        KieDmnEngine kie = KieDmnEngine.load();
        List<String> m3 = compare(inputs, drools::evaluate, "kie-dmn", in -> kie.evaluate(in.facts(), in.previous()), 20);
        System.out.println("production evaluator vs KIE DMN: " + (m3.isEmpty() ? "no mismatch" : String.join("\n", m3)));
        CamundaDmnEngine camunda = CamundaDmnEngine.load();
        List<String> m4 = compare(inputs, drools::evaluate, "camunda-dmn", in -> camunda.evaluate(in.facts(), in.previous()), 20);
        System.out.println("production evaluator vs Camunda DMN: " + (m4.isEmpty() ? "no mismatch" : String.join("\n", m4)));
        System.out.println("new session per client vs production (whole outcome and fired rules): " + reusedDiffer + " of " + n + " differ");
        System.out.println("KieSessionsPool (reset on dispose) vs production: " + pooledDiffer + " of " + n
                + " differ (known: activation groups broken after reset in Drools 10.2.0; not benchmarked)");
        summary(inputs, hand);
        if (!m1.isEmpty() || !m2.isEmpty() || !m3.isEmpty() || !m4.isEmpty() || reusedDiffer > 0) {
            System.exit(1);
        }
    }

    /** Inputs on which a variant's evaluation (outcome and fired rules) is not exactly the production one. */
    static int differences(BenchFacts.Input[] inputs, DroolsEngine drools, Function<BenchFacts.Input, Evaluation> variant) {
        int differ = 0;
        for (BenchFacts.Input in : inputs) {
            Evaluation a = drools.evaluate(in);
            try {
                Evaluation b = variant.apply(in);
                if (!a.outcome().equals(b.outcome()) || !a.firedRules().equals(b.firedRules())) {
                    differ++;
                }
            } catch (RuntimeException e) {
                differ++;
            }
        }
        return differ;
    }

    /** How the generated clients spread over clusters, lifecycle states and actions. */
    static void summary(BenchFacts.Input[] inputs, HandWrittenEngine hand) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (BenchFacts.Input in : inputs) {
            HandWrittenEngine.Result r = hand.evaluate(in.facts(), in.previous());
            counts.merge("cluster " + r.cluster(), 1, Integer::sum);
            counts.merge("lifecycle " + r.lifecycle(), 1, Integer::sum);
            r.actions().forEach(a -> counts.merge("action " + a, 1, Integer::sum));
        }
        counts.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }
}
