package com.clientvalue.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The full default rule set (rules/, every table) on generated clients, against the hand-written
 * tables. Throughput in clients per second for every benchmark: the batch benchmarks evaluate
 * {@value #BATCH} clients per invocation and declare it with {@code @OperationsPerInvocation},
 * so their score is already clients/s (invocations/s = score / {@value #BATCH}).
 * <ul>
 *   <li>drools*: production {@code DecisionEvaluator}: the benchmark thread's emptied session of the
 *       rule base, reused (the default rule base passes the compile-time check that allows it);</li>
 *   <li>droolsNewSession*: the same evaluation (same listener, same outcome code) in a new KieSession
 *       per client: production before issue 15, and its fallback for rule bases that may not reuse;</li>
 *   <li>handWritten*: plain Java of the cluster, level, segment-action, lifecycle and trigger
 *       tables only (the limit);</li>
 *   <li>kieDmn*, camundaDmn*: the same tables as the hand-written ones, as one DMN model
 *       (dmn/client-decisions.dmn) on Apache KIE DMN and on the Camunda 7 DMN engine, the peers a
 *       user would pick instead; building the input map and reading the result back are measured.</li>
 * </ul>
 * The setup checks on the {@value #BATCH} clients that the engine measured decides like Drools
 * (hand-written tables, either DMN engine), or for the new-session variant, that it gives
 * exactly the production evaluations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
    static final int BATCH = 10_000;

    BenchFacts.Input[] inputs;
    DroolsEngine drools;
    HandWrittenEngine hand;
    KieDmnEngine kieDmn;
    CamundaDmnEngine camundaDmn;

    /**
     * Every benchmark runs in its own fork, so this runs once per benchmark; it checks the engine
     * that benchmark measures (Camunda's check alone takes about 90 s at its speed, so the other
     * forks do not repeat it). The hand-written tables are checked in every fork.
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        inputs = BenchFacts.generate(BATCH);
        drools = DroolsEngine.load();
        hand = new HandWrittenEngine();
        kieDmn = KieDmnEngine.load();
        camundaDmn = CamundaDmnEngine.load();
        EquivalenceCheck.require(inputs, drools::evaluate, hand, "production evaluator");
        if (benchmark.contains(".kieDmn")) {
            EquivalenceCheck.require(inputs, drools::evaluate, "KIE DMN", in -> kieDmn.evaluate(in.facts(), in.previous()));
        } else if (benchmark.contains(".camundaDmn")) {
            EquivalenceCheck.require(inputs, drools::evaluate, "Camunda DMN", in -> camundaDmn.evaluate(in.facts(), in.previous()));
        } else if (benchmark.contains(".droolsNewSession")) {
            checkNewSession();
        }
        System.out.println("checked on " + inputs.length + " clients for " + benchmark);
    }

    private void checkNewSession() {
        if (!drools.ruleBase().sessionReuse().allowed()) {
            throw new IllegalStateException("the default rule base does not allow session reuse: "
                    + drools.ruleBase().sessionReuse().blockers());
        }
        int differ = EquivalenceCheck.differences(inputs, drools, drools::evaluateInNewSession);
        if (differ > 0) {
            throw new IllegalStateException("a new session per client differs from production on " + differ + " clients");
        }
    }

    /** Per-thread position in the generated clients for the single-client benchmarks. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        BenchFacts.Input take(BenchFacts.Input[] inputs) {
            BenchFacts.Input in = inputs[next];
            next = next + 1 == inputs.length ? 0 : next + 1;
            return in;
        }
    }

    @Benchmark
    public Object droolsSingle(Cursor cursor) {
        return drools.evaluate(cursor.take(inputs));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void droolsBatch(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(drools.evaluate(in));
        }
    }

    @Benchmark
    public Object droolsNewSessionSingle(Cursor cursor) {
        return drools.evaluateInNewSession(cursor.take(inputs));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void droolsNewSessionBatch(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(drools.evaluateInNewSession(in));
        }
    }

    @Benchmark
    public Object handWrittenSingle(Cursor cursor) {
        BenchFacts.Input in = cursor.take(inputs);
        return hand.evaluate(in.facts(), in.previous());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void handWrittenBatch(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(hand.evaluate(in.facts(), in.previous()));
        }
    }

    @Benchmark
    public Object kieDmnSingle(Cursor cursor) {
        BenchFacts.Input in = cursor.take(inputs);
        return kieDmn.evaluate(in.facts(), in.previous());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void kieDmnBatch(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(kieDmn.evaluate(in.facts(), in.previous()));
        }
    }

    @Benchmark
    public Object camundaDmnSingle(Cursor cursor) {
        BenchFacts.Input in = cursor.take(inputs);
        return camundaDmn.evaluate(in.facts(), in.previous());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void camundaDmnBatch(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(camundaDmn.evaluate(in.facts(), in.previous()));
        }
    }
}
