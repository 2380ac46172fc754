package com.clientvalue.governance.replay;

import com.clientvalue.audit.AuditTrail;
import com.clientvalue.audit.DecisionNotAudited;
import com.clientvalue.decision.Decision;
import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.Explanations;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-evaluates the inputs stored with a past decision (facts, previous decision, service request)
 * under another rule version. Writes nothing: a replay explains, it does not decide.
 */
@Singleton
public class DecisionReplay {
    private final AuditTrail audit;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;
    private final JsonMapper json;

    DecisionReplay(AuditTrail audit, ActiveRuleBase rules, DecisionEvaluator evaluator, JsonMapper json) {
        this.audit = audit;
        this.rules = rules;
        this.evaluator = evaluator;
        this.json = json;
    }

    /** @param version the version to replay under; null for the active one */
    public ReplayReport replay(String decisionId, String version) {
        Decision original = read(audit.document(decisionId).orElseThrow(() -> new DecisionNotAudited(decisionId)));
        RuleBase ruleBase = version == null ? rules.current() : rules.compiled(version);
        Evaluation replayed = evaluator.evaluate(original.facts(), original.previousDecision(), original.serviceRequest(),
                ruleBase);
        Set<String> before = ids(original.firedRules());
        Set<String> after = ids(replayed.firedRules());
        return new ReplayReport(decisionId, original.ruleVersion(), ruleBase.version(),
                !original.outcome().equals(replayed.outcome()), original.outcome(), replayed.outcome(),
                before.stream().filter(id -> !after.contains(id)).sorted().toList(),
                after.stream().filter(id -> !before.contains(id)).sorted().toList(),
                replayed.firedRules(), original.explanation(), Explanations.of(replayed.firedRules(), original.facts(), replayed.outcome(),
                        original.serviceRequest(), ruleBase, original.language() == null ? "en" : original.language()).lines());
    }

    private Decision read(String document) {
        try {
            return json.readValue(document, Decision.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ids(List<RuleDescriptor> rules) {
        return rules.stream().map(RuleDescriptor::ruleId).collect(Collectors.toSet());
    }
}
