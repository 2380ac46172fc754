package com.clientvalue.governance.invariant;

import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.DecisionInputs;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.OutcomeConflict;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.PortfolioRevision;
import com.clientvalue.decision.PreviousDecision;
import com.clientvalue.decision.ServiceRequest;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies a candidate over generated inputs at its tables' boundaries (and, in the service, over
 * the stored portfolio as of today): the analysts' invariants hold, tables meant to give one answer
 * give exactly one (an overlap is a problem naming both rows), and every row can fire (a row no
 * generated input reaches is dead: an earlier row or a condition rules it out). The invariants are
 * the files of kind INVARIANTS among the sources given to {@link #check}: in the service always the
 * stored ones ({@link StoredInvariantCheck}, the RuleSetCheck the publisher runs); in the
 * command-line validator the folder's own file.
 */
@Singleton
public class InvariantCheck {
    private static final String OVERLAP = "overlap ";
    private static final int GENERATED_KEPT = 4;
    private final DecisionEvaluator evaluator;
    private final DecisionInputs portfolio;
    private final PortfolioRevision revision;
    private final Clock clock;
    private final Map<Generated.Key, Generated> generatedKept = new LinkedHashMap<>(8, 0.75f, true);

    /** Without a database: generated inputs only (the command-line validator). */
    public InvariantCheck() {
        this(new DecisionEvaluator(), null, null, Clock.systemUTC());
    }

    @Inject
    InvariantCheck(DecisionEvaluator evaluator, @Nullable DecisionInputs portfolio, @Nullable PortfolioRevision revision,
                   Clock clock) {
        this.evaluator = evaluator;
        this.portfolio = portfolio;
        this.revision = revision;
        this.clock = clock;
    }

    /** The stored portfolio's revision and today's date, which the pass over the stored clients reads. */
    public String basis() {
        return portfolio == null || revision == null ? "" : "portfolio revision " + revision.current() + " as of " + LocalDate.now(clock);
    }

    /** @param sources where the invariants are read from (files of kind INVARIANTS), not the candidate's files */
    public List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        List<PolicyInvariant> invariants = PolicyInvariant.parse(sources, problems);
        Generated generated = generated(candidate, invariants);
        Map<String, RuleProblem> violations = new LinkedHashMap<>(generated.violations());
        Set<String> fired = generated.fired();
        if (portfolio != null) {
            LocalDate today = LocalDate.now(clock);
            portfolio.forEachChunk(today, chunk -> examine(candidate, chunk.stream()
                            .map(in -> new BoundaryInputs.Input(in.facts(), in.previous(), null, in.facts().clientId())).toList(),
                    input -> "stored client " + input.label() + " as of " + today, invariants, violations, new HashSet<>()));
        }
        // the candidate's own tables (sources are where the invariants come from)
        List<RuleProblem> tables = TableCoverage.check(candidate.sources());
        boolean overlapInCells = tables.stream().anyMatch(p -> p.row() != null);
        // an overlap found in a table's cells is already reported at its rows, with the range: not again per client
        violations.forEach((key, problem) -> {
            if (!(overlapInCells && key.startsWith(OVERLAP))) {
                problems.add(problem);
            }
        });
        if (!tables.isEmpty() || violations.keySet().stream().anyMatch(key -> key.startsWith(OVERLAP))) {
            // inputs that hit an overlap or a gap decide nothing downstream: dead rows cannot be told apart yet
            return problems;
        }
        for (RuleDescriptor rule : candidate.rules()) {
            if (!fired.contains(rule.ruleId())) {
                problems.add(new RuleProblem(rule.file(), rule.table(), rule.row(), null, "rule " + rule.ruleId()
                        + " never fires for any of the " + generated.inputs() + " generated inputs at the tables' boundaries: "
                        + "an earlier row or one of its conditions rules it out"));
            }
        }
        return problems;
    }

    /**
     * What the generated inputs found: the violations (in the order found) and the rules that fired.
     * It depends on the candidate's files, whose version is their hash, and on the invariants alone
     * (not on the stored portfolio nor the date).
     */
    private record Generated(Map<String, RuleProblem> violations, Set<String> fired, int inputs) {
        record Key(String version, List<PolicyInvariant> invariants) {
        }
    }

    /*
     * The pass over the generated inputs (some 44k evaluations, most of a check's time) is kept for the
     * last few candidates: checking a version again on a new basis (a rollback, a publication after
     * the portfolio moved since its validation) evaluates only the stored clients again.
     */
    private Generated generated(RuleBase candidate, List<PolicyInvariant> invariants) {
        Generated.Key key = new Generated.Key(candidate.version(), List.copyOf(invariants));
        synchronized (generatedKept) {
            Generated known = generatedKept.get(key);
            if (known != null) {
                return known;
            }
        }
        Map<String, RuleProblem> violations = new LinkedHashMap<>();
        Set<String> fired = new HashSet<>();
        List<BoundaryInputs.Input> inputs = BoundaryInputs.generate(candidate);
        examine(candidate, inputs, input -> "generated client " + input.label(), invariants, violations, fired);
        Generated found = new Generated(Collections.unmodifiableMap(violations), Set.copyOf(fired), inputs.size());
        synchronized (generatedKept) {
            generatedKept.put(key, found);
            while (generatedKept.size() > GENERATED_KEPT) {
                generatedKept.remove(generatedKept.keySet().iterator().next());
            }
        }
        return found;
    }

    /** An input evaluated, or the conflict it ran into. */
    private record Result(BoundaryInputs.Input input, Evaluation evaluation, OutcomeConflict conflict) {
    }

    /** What an evaluation reads of an input: inputs equal in it (their labels aside) are decided alike. */
    private record Given(ClientFacts facts, PreviousDecision previous, ServiceRequest request) {
        static Given of(BoundaryInputs.Input input) {
            return new Given(input.facts(), input.previous(), input.request());
        }
    }

    /*
     * Evaluations are independent (a session each) and run on all cores; the findings are gathered in
     * order. About a quarter of the generated inputs repeat an earlier one (e.g. every order count of a
     * client without orders): each distinct input is evaluated once, and every input, repeats included,
     * is then recorded as before, so the first one to break an invariant is still the one reported.
     */
    private void examine(RuleBase candidate, List<BoundaryInputs.Input> inputs, Function<BoundaryInputs.Input, String> who,
                         List<PolicyInvariant> invariants, Map<String, RuleProblem> violations, Set<String> fired) {
        List<Given> distinct = inputs.stream().map(Given::of).distinct().toList();
        List<Result> evaluated = distinct.parallelStream().map(given -> {
            try {
                return new Result(null, evaluator.evaluate(given.facts(), given.previous(), given.request(), candidate), null);
            } catch (OutcomeConflict conflict) {
                return new Result(null, null, conflict);
            }
        }).toList();
        Map<Given, Result> byGiven = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byGiven.put(distinct.get(i), evaluated.get(i));
        }
        for (BoundaryInputs.Input input : inputs) {
            Result result = byGiven.get(Given.of(input));
            record(new Result(input, result.evaluation(), result.conflict()), who.apply(input), invariants, violations, fired);
        }
    }

    private void record(Result result, String who, List<PolicyInvariant> invariants, Map<String, RuleProblem> violations,
                        Set<String> fired) {
        BoundaryInputs.Input input = result.input();
        Evaluation evaluation = result.evaluation();
        if (result.conflict() != null) {
            OutcomeConflict conflict = result.conflict();
            violations.putIfAbsent(OVERLAP + conflict.getDetail().replaceAll("client '[^']*' ", ""),
                    new RuleProblem("(rule set)", null, null, null, "overlap: " + conflict.getDetail()
                            .replaceFirst("client '[^']*'", who)));
            return;
        }
        evaluation.firedRules().forEach(rule -> fired.add(rule.ruleId()));
        PolicyInvariant.Case evaluated = new PolicyInvariant.Case(input, evaluation.outcome());
        for (PolicyInvariant invariant : invariants) {
            if (!violations.containsKey(invariant.id()) && invariant.brokenBy(evaluated)) {
                violations.put(invariant.id(), new RuleProblem(invariant.file(), null, invariant.line(), "rule",
                        "invariant " + invariant.id() + " (" + invariant.description() + ") is broken for " + who
                                + (invariant.isExactlyOne() ? ": no rule decides its " + invariant.field()
                                : "; rules that fired: " + evaluation.firedRules().stream().map(RuleDescriptor::ruleId).toList())));
            }
        }
    }
}
