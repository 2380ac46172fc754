package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision as answered and as audited: every input (facts, the previous decision, the service
 * request), the rule version, the outcome, the rules that fired in firing order, reasons a person
 * can read (the rules' names) and the explanation in the analysts' words, and what changed since the
 * previous decision. The previous decision is the client's
 * latest in business time up to this asOf; whatIf is true when this asOf is before the client's latest
 * decided asOf (a back-dated decision): it is audited, and its transitions are never fed to the CRM
 * (documents audited before it existed read as false).
 */
@Serdeable
public record Decision(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                       @Bindable(defaultValue = "false") boolean whatIf, ClientFacts facts, @Nullable PreviousDecision previousDecision,
                       @Nullable ServiceRequest serviceRequest, Outcome outcome, List<RuleDescriptor> firedRules,
                       List<String> reasons, List<Transition> transitions,
                       @Nullable @Schema(description = "the language of the explanation: en or it, as Accept-Language asked (en by default); "
                               + "absent in decisions made before explanations existed") String language,
                       @Nullable @Schema(description = "the short explanation: one line per rule that fired, ordered by what it "
                               + "decided (cluster, lifecycle, experience, assessment, actions, categories, service), in the analysts' words "
                               + "with the client's values; technical rules are left out") List<ExplanationLine> explanation,
                       @Nullable @Schema(description = "the technical rules that fired (weights, intermediate levels), explained the same "
                               + "way, kept apart from the short explanation") List<ExplanationLine> technicalExplanation) {
}
