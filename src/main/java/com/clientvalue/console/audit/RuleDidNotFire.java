package com.clientvalue.console.audit;

/** A rule page was asked for a rule that did not fire in that decision. */
final class RuleDidNotFire extends RuntimeException {
    private final String ruleId;

    RuleDidNotFire(String decisionId, String ruleId) {
        super("rule '" + ruleId + "' did not fire in decision " + decisionId, null, false, false);
        this.ruleId = ruleId;
    }

    String ruleId() {
        return ruleId;
    }
}
