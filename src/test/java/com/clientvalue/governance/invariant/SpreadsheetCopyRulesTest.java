package com.clientvalue.governance.invariant;

import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.ProposedAction;
import com.clientvalue.decision.RealRules;
import com.clientvalue.governance.scenario.ScenarioCheck;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.SpreadsheetCopy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An analyst opens a CSV table in a spreadsheet program and saves it as .xlsx: the copy must give
 * the same rules (same ids, names, tables, rows) and the same decisions, for every table.
 */
class SpreadsheetCopyRulesTest {
    private static final DecisionEvaluator EVALUATOR = new DecisionEvaluator();

    /** A boundary input and what the CSV rules decide for it. */
    private record Decided(BoundaryInputs.Input input, Outcome outcome) {
    }

    private static List<Decided> csvDecisions;

    static List<String> tables() {
        return SpreadsheetCopy.tables(RealRules.get().sources());
    }

    /*
     * Every 10th boundary input: all tables' boundaries are still crossed, at a tenth of the time. The
     * CSV side is the same rule set for every table: its decisions are made once for the class.
     */
    private static synchronized List<Decided> csvDecisions() {
        if (csvDecisions == null) {
            RuleBase csv = RealRules.get();
            List<BoundaryInputs.Input> inputs = BoundaryInputs.generate(csv);
            List<Decided> decided = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i += 10) {
                BoundaryInputs.Input input = inputs.get(i);
                decided.add(new Decided(input, decided(EVALUATOR.evaluate(input.facts(), input.previous(), input.request(), csv).outcome())));
            }
            csvDecisions = List.copyOf(decided);
        }
        return csvDecisions;
    }

    @ParameterizedTest
    @MethodSource("tables")
    void anXlsxCopyOfATableGivesTheSameRulesAndDecisions(String table) {
        RuleBase csv = RealRules.get();
        RuleBase xlsx = ActiveRuleBase.compile(SpreadsheetCopy.withXlsx(csv.sources(), List.of(table)));

        assertEquals(descriptors(csv, table), descriptors(xlsx, SpreadsheetCopy.xlsxPath(table)));
        assertEquals(List.of(), new ScenarioCheck().check(xlsx, xlsx.sources()));
        for (Decided expected : csvDecisions()) {
            BoundaryInputs.Input input = expected.input();
            assertEquals(expected.outcome(), decided(EVALUATOR.evaluate(input.facts(), input.previous(), input.request(), xlsx).outcome()),
                    input.label());
        }
    }

    /** The outcome with its actions in rule-id order: tables of different files fire in an order that follows their names. */
    private static Outcome decided(Outcome outcome) {
        return new Outcome(outcome.cluster(), outcome.potentialLevel(), outcome.revenueLevel(), outcome.lifecycle(),
                outcome.experienceSegment(), outcome.actions().stream()
                .sorted(java.util.Comparator.comparing(ProposedAction::ruleId)).toList(),
                outcome.categories(), outcome.assessment(), outcome.serviceAnswer());
    }

    /** The rules of one file, as the audit names them (the file's own name aside). */
    private static List<String> descriptors(RuleBase rules, String file) {
        List<RuleDescriptor> found = rules.rules().stream().filter(r -> r.file().equals(file)).toList();
        return found.stream().map(r -> r.ruleId() + " | " + r.name() + " | " + r.table() + " | row " + r.row()).toList();
    }
}
