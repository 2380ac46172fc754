package com.clientvalue.governance.scenario;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.PreviousDecision;
import com.clientvalue.decision.ServiceRequest;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleSource;

import java.util.ArrayList;
import java.util.List;

/** The given facts of every scenario in a rule set's tests/*.csv, as the scenario check reads them. */
public final class ScenarioInputs {

    public record Given(String where, ClientFacts facts, PreviousDecision previous, ServiceRequest request) {
    }

    private ScenarioInputs() {
    }

    public static List<Given> of(RuleBase ruleBase) {
        List<Given> givens = new ArrayList<>();
        for (RuleSource source : ruleBase.sources()) {
            if (source.kind() != RuleSource.Kind.SCENARIOS) {
                continue;
            }
            ScenarioFile.Read read = ScenarioFile.read(source, ruleBase);
            if (!read.problems().isEmpty()) {
                throw new IllegalStateException(source.path() + ": " + read.problems());
            }
            for (Scenario scenario : read.scenarios()) {
                givens.add(new Given(source.path() + " line " + scenario.line() + " '" + scenario.name() + "'",
                        scenario.inputs().facts(), scenario.inputs().previous(), scenario.inputs().request()));
            }
        }
        return List.copyOf(givens);
    }
}
