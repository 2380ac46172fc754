package com.clientvalue.bench;

import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.PooledDecisionEvaluator;
import com.clientvalue.decision.NewSessionEvaluator;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full default rule set (every table and DRL under rules/) compiled once through the
 * production loader, evaluated through the production {@link DecisionEvaluator} (this thread's
 * emptied session, when the rule base allows reuse, as the default one does) or, as benchmark
 * variants, in a new session per evaluation ({@link NewSessionEvaluator}: the production path
 * before issue 15) or through a {@link PooledDecisionEvaluator} (not equivalent: see there).
 */
public final class DroolsEngine {
    private final RuleBase ruleBase;
    private final DecisionEvaluator evaluator = new DecisionEvaluator();

    private DroolsEngine(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    /** The rules folder: -Dbench.rules (set by the jmh profile), else ./rules. */
    public static Path rulesFolder() {
        Path folder = Path.of(System.getProperty("bench.rules", "rules")).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("rules folder " + folder + " not found: run from the project folder or set -Dbench.rules");
        }
        return folder;
    }

    public static DroolsEngine load() {
        return new DroolsEngine(ActiveRuleBase.compileFolder(rulesFolder()));
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    public Evaluation evaluate(BenchFacts.Input input) {
        return evaluator.evaluate(input.facts(), input.previous(), null, ruleBase);
    }

    /** The evaluation in a new session of its own, as production did before issue 15. */
    public Evaluation evaluateInNewSession(BenchFacts.Input input) {
        return NewSessionEvaluator.evaluate(input.facts(), input.previous(), null, ruleBase);
    }

    public PooledDecisionEvaluator pooled(int initialSize) {
        return new PooledDecisionEvaluator(ruleBase, initialSize);
    }
}
