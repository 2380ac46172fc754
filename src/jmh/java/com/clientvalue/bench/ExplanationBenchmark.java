package com.clientvalue.bench;

import com.clientvalue.audit.DocumentCodec;
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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What explaining a decision costs beside deciding it (issue 18): the production evaluation of the
 * full default rule set alone ({@code evaluated}), and followed by the explanation the decision
 * path builds ({@code explainedEnglish}, {@code explainedItalian}: every fired rule's reason filled
 * with the client's figures, ordered, technical lines apart). Clients/s over the same
 * {@value #BATCH} generated clients; the setup prints the explanation's lines and JSON bytes per
 * decision, raw and zstd-compressed as the audit stores documents.
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
            long compressed = 0;
            long lines = 0;
            for (BenchFacts.Input in : inputs) {
                Explanations.Explained explained = explain(drools.evaluate(in), in, language);
                String both = json.writeValueAsString(explained.lines()) + json.writeValueAsString(explained.technical());
                bytes += both.getBytes(StandardCharsets.UTF_8).length;
                compressed += DocumentCodec.compress(both).length;
                lines += explained.lines().size() + explained.technical().size();
            }
            // compressed alone: at most what the explanation adds to the compressed audit document
            System.out.printf("%s: %.1f lines, %.0f bytes of explanation JSON, %.0f compressed as the audit stores it, per decision%n",
                    language, (double) lines / inputs.length, (double) bytes / inputs.length, (double) compressed / inputs.length);
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
