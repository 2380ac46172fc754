package com.clientvalue.bench;

import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.Explanations;
import io.micronaut.serde.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * What explaining a decision costs beside deciding it (issue 18): the production evaluation of the
 * full default rule set alone ({@code evaluated}), and followed by the explanation the decision
 * path builds ({@code explainedEnglish}, {@code explainedItalian}: every fired rule's reason filled
 * with the client's figures, ordered, technical lines apart). Clients/s over the same
 * {@value #BATCH} generated clients; the setup prints the explanation's JSON bytes per decision,
 * which the audit document now holds besides the rest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExplanationBenchmark {
    static final int BATCH = 10_000;

    BenchFacts.Input[] inputs;
    DroolsEngine drools;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        inputs = BenchFacts.generate(BATCH);
        drools = DroolsEngine.load();
        ObjectMapper json = ObjectMapper.getDefault();
        for (String language : Explanations.LANGUAGES) {
            long bytes = 0;
            long lines = 0;
            for (BenchFacts.Input in : inputs) {
                Explanations.Explained explained = explain(drools.evaluate(in), in, language);
                bytes += json.writeValueAsBytes(explained.lines()).length + json.writeValueAsBytes(explained.technical()).length;
                lines += explained.lines().size() + explained.technical().size();
            }
            System.out.printf("%s: %.0f bytes of explanation JSON and %.1f lines per decision%n", language,
                    (double) bytes / inputs.length, (double) lines / inputs.length);
        }
    }

    private Explanations.Explained explain(Evaluation evaluation, BenchFacts.Input in, String language) {
        return Explanations.of(evaluation.firedRules(), in.facts(), evaluation.outcome(), null, drools.ruleBase(), language);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluated(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(drools.evaluate(in));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void explainedEnglish(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(explain(drools.evaluate(in), in, "en"));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void explainedItalian(Blackhole bh) {
        for (BenchFacts.Input in : inputs) {
            bh.consume(explain(drools.evaluate(in), in, "it"));
        }
    }

}
