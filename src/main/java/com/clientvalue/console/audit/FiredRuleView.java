package com.clientvalue.console.audit;

import com.clientvalue.decision.Decision;

/** What the page shows: the decision and the rule in its version's table. */
public record FiredRuleView(Decision decision, RuleInVersion rule) {
    public String decisionLink() {
        return "/console/audit/decisions/" + decision.decisionId();
    }
}
