package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision as answered and as audited: the facts used, the rule version, the outcome, the
 * rules that fired (in firing order) and reasons a person can read.
 */
@Serdeable
public record Decision(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                       ClientFacts facts, Outcome outcome, List<RuleDescriptor> firedRules, List<String> reasons) {
}
