package com.clientvalue.governance.scenario;

import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.governance.invariant.TableCoverage;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSetCheck;
import com.clientvalue.rules.RuleSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysts' test scenarios (rules/tests/*.csv, described in rules/README.md) must hold on a
 * candidate rule set: every row's given facts, evaluated by the candidate, give the expected
 * outcome. Usable without Micronaut (new ScenarioCheck()), e.g. by a command-line validator.
 */
@Singleton
public class ScenarioCheck implements RuleSetCheck {
    private final DecisionEvaluator evaluator;

    public ScenarioCheck() {
        this(new DecisionEvaluator());
    }

    @Inject
    public ScenarioCheck(DecisionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public String name() {
        return "the test scenarios";
    }

    @Override
    public String step() {
        return "scenarios";
    }

    @Override
    public List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources) {
        return run(candidate, sources).problems();
    }

    /** What the scenarios found, and which rules they made fire (how much of the rule set they exercise). */
    record Report(List<RuleProblem> problems, int scenarios, Set<String> firedRuleIds) {
    }

    Report run(RuleBase candidate, List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        int evaluated = 0;
        // a gap or an overlap in a table makes scenarios fail by the dozen: that cause is reported first, at the table
        boolean tablesAtFault = !TableCoverage.check(sources).isEmpty();
        for (RuleSource source : sources) {
            if (source.kind() != RuleSource.Kind.SCENARIOS) {
                continue;
            }
            ScenarioFile.Read read = ScenarioFile.read(source, candidate);
            List<RuleProblem> found = new ArrayList<>(read.problems());
            for (Scenario scenario : read.scenarios()) {
                evaluated++;
                Evaluation evaluation;
                try {
                    evaluation = evaluator.evaluate(scenario.inputs().facts(), scenario.inputs().previous(),
                            scenario.inputs().request(), candidate);
                } catch (RuntimeException e) {
                    // a defect of the tables (e.g. two clusters for one client) that this scenario exposes
                    found.add(problem(source, scenario, null, "the rules cannot decide: " + e.getMessage()));
                    continue;
                }
                evaluation.firedRules().stream().map(RuleDescriptor::ruleId).forEach(fired::add);
                for (ScenarioExpectation expectation : scenario.expectations()) {
                    expectation.mismatch(evaluation).ifPresent(mismatch ->
                            found.add(problem(source, scenario, expectation.column(), mismatch)));
                }
            }
            // in the order of the file, as the analyst will go through them
            found.sort(Comparator.comparing(RuleProblem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
            problems.addAll(tablesAtFault && found.size() > 1 ? List.of(consequence(source, found)) : found);
        }
        return new Report(List.copyOf(problems), evaluated, Set.copyOf(fired));
    }

    /** One scenario as it ran: its row, its name, what did not come out as expected (nothing when it passed), the rules that fired. */
    public record Outcome(int line, String name, List<String> mismatches, List<String> firedRuleIds) {
        public boolean passed() {
            return mismatches.isEmpty();
        }
    }

    /** The scenarios of one file (an area), as they ran, and the problems that kept rows from running. */
    public record FileOutcome(String path, List<Outcome> scenarios, List<RuleProblem> unreadable) {
        public long failed() {
            return scenarios.stream().filter(o -> !o.passed()).count() + unreadable.size();
        }
    }

    /** Runs every scenario of the rule set on it and says, row by row, which pass (the console's Scenarios screen). */
    public List<FileOutcome> outcomes(RuleBase candidate, List<RuleSource> sources) {
        List<FileOutcome> files = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.kind() != RuleSource.Kind.SCENARIOS) {
                continue;
            }
            ScenarioFile.Read read = ScenarioFile.read(source, candidate);
            List<Outcome> outcomes = new ArrayList<>();
            for (Scenario scenario : read.scenarios()) {
                List<String> mismatches = new ArrayList<>();
                List<String> fired = List.of();
                try {
                    Evaluation evaluation = evaluator.evaluate(scenario.inputs().facts(), scenario.inputs().previous(),
                            scenario.inputs().request(), candidate);
                    fired = evaluation.firedRules().stream().map(RuleDescriptor::ruleId).toList();
                    for (ScenarioExpectation expectation : scenario.expectations()) {
                        expectation.mismatch(evaluation).ifPresent(m -> mismatches.add(expectation.column().header() + ": " + m));
                    }
                } catch (RuntimeException e) {
                    mismatches.add("the rules cannot decide: " + e.getMessage());
                }
                outcomes.add(new Outcome(scenario.line(), scenario.name(), List.copyOf(mismatches), fired));
            }
            files.add(new FileOutcome(source.path(), List.copyOf(outcomes), read.problems()));
        }
        return List.copyOf(files);
    }

    /** The failures of one scenario file, in one problem, when a table's gap or overlap comes first (one failure stays as it is). */
    private static RuleProblem consequence(RuleSource source, List<RuleProblem> found) {
        List<Integer> rows = found.stream().map(RuleProblem::row).filter(java.util.Objects::nonNull).distinct().toList();
        String list = rows.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        return new RuleProblem(source.path(), null, rows.isEmpty() ? null : rows.get(0), null,
                (rows.size() == 1 ? "scenario row " + list + " fails in " + found.size() + " ways"
                        : rows.size() + " scenarios fail (rows " + list + ")") + " while a table has the gap or overlap reported above: fix the table first, then validate again");
    }

    private static RuleProblem problem(RuleSource source, Scenario scenario, ScenarioColumn column, String message) {
        return new RuleProblem(source.path(), null, scenario.line(), column == null ? null : column.header(),
                "scenario '" + scenario.name() + "': " + message);
    }
}
