package com.clientvalue.governance.scenario;

import com.clientvalue.rules.RuleBase;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One line of a scenario file: its name, what it gives and what it expects. */
final class ScenarioRow {

    private ScenarioRow() {
    }

    /**
     * @param lineByName the names seen so far in the file, with their line; this row's name is added
     * @return the scenario; usable only when the cells report no problem
     */
    static Scenario read(ScenarioCells cells, RuleBase candidate, Map<String, Integer> lineByName) {
        String name = cells.raw(ScenarioColumn.SCENARIO);
        if (name.isEmpty()) {
            cells.problem(ScenarioColumn.SCENARIO, "every scenario needs a name: say in a few words what it checks");
        } else {
            Integer first = lineByName.putIfAbsent(name, cells.line());
            if (first != null) {
                cells.problem(ScenarioColumn.SCENARIO, "the name is already used on line " + first
                        + ": give each scenario its own name, so a failure points to one line");
            }
        }
        ScenarioGivens.Inputs inputs = ScenarioGivens.read(name, cells, candidate.vocabulary());
        boolean serviceRequested = !cells.isEmpty(ScenarioColumn.SERVICE) && !cells.isNone(ScenarioColumn.SERVICE);
        List<ScenarioExpectation> expectations = ScenarioExpectation.read(cells, candidate, serviceRequested, inputs);
        if (Arrays.stream(ScenarioColumn.values()).filter(ScenarioColumn::isExpectation).allMatch(cells::isEmpty)) {
            cells.problem(null, "the scenario checks nothing: fill at least one 'expect ...' column");
        }
        return new Scenario(cells.line(), name, inputs, expectations);
    }
}
