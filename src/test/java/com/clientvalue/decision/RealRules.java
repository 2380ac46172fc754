package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;

import java.nio.file.Path;
import java.util.List;

/** The real rules/ folder compiled once by the production loader, shared by the *RulesTest classes. */
public final class RealRules {
    private static RuleBase rules;
    private static final DecisionEvaluator EVALUATOR = new DecisionEvaluator();

    private RealRules() {
    }

    public static synchronized RuleBase get() {
        if (rules == null) {
            rules = ActiveRuleBase.compileFolder(Path.of(System.getProperty("rules.dir", "rules")));
        }
        return rules;
    }

    public static Evaluation evaluate(ClientFacts facts) {
        return EVALUATOR.evaluate(facts, null, null, get());
    }

    public static Evaluation evaluate(ClientFacts facts, PreviousDecision previous, ServiceRequest request) {
        return EVALUATOR.evaluate(facts, previous, request, get());
    }

    public static List<String> actionCodes(Evaluation evaluation) {
        return evaluation.outcome().actions().stream().map(ProposedAction::code).toList();
    }

    public static List<String> fired(Evaluation evaluation, String prefix) {
        return evaluation.firedRules().stream().map(RuleDescriptor::ruleId).filter(id -> id.startsWith(prefix)).toList();
    }

    /** Space-separated codes in a table cell, or none for an empty cell. */
    public static List<String> codes(String cell) {
        return cell == null || cell.isBlank() ? List.of() : List.of(cell.trim().split("\\s+"));
    }
}
