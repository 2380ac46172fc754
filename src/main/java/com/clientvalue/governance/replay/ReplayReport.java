package com.clientvalue.governance.replay;

import com.clientvalue.decision.ExplanationLine;
import com.clientvalue.decision.Outcome;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A past decision's stored inputs evaluated again under another rule version.
 *
 * @param rulesOnlyInOriginal ids of rules that fired then and not now
 * @param rulesOnlyInReplay   ids of rules that fire now and did not then
 * @param originalExplanation the explanation as it was answered (absent for decisions made before explanations)
 * @param replayExplanation   the explanation the replay gives, in the language the original was answered in
 */
@Serdeable
public record ReplayReport(String decisionId, String originalVersion, String replayVersion, boolean outcomeChanged,
                           Outcome originalOutcome, Outcome replayOutcome, List<String> rulesOnlyInOriginal,
                           List<String> rulesOnlyInReplay, List<RuleDescriptor> replayFiredRules,
                           @Nullable List<ExplanationLine> originalExplanation, List<ExplanationLine> replayExplanation) {
}
