package com.clientvalue.decision;

import com.clientvalue.rules.RuleDescriptor;

import java.util.List;

/** The result of running one rule version on one client's facts, before it becomes a decision. */
public record Evaluation(String ruleVersion, Outcome outcome, List<RuleDescriptor> firedRules, List<String> reasons) {
}
