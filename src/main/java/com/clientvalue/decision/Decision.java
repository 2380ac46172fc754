package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision as answered and as audited: every input (facts, the previous decision, the service
 * request), the rule version, the outcome, the rules that fired in firing order, reasons a person
 * can read, and what changed since the previous decision. The previous decision is the client's
 * latest in business time up to this asOf; whatIf is true when this asOf is before the client's latest
 * decided asOf (a back-dated decision): it is audited, and its transitions are never fed to the CRM
 * (documents audited before it existed read as false).
 */
@Serdeable
public record Decision(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                       @Bindable(defaultValue = "false") boolean whatIf, ClientFacts facts, @Nullable PreviousDecision previousDecision,
                       @Nullable ServiceRequest serviceRequest, Outcome outcome, List<RuleDescriptor> firedRules,
                       List<String> reasons, List<Transition> transitions) {
}
