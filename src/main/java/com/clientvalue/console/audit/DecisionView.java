package com.clientvalue.console.audit;

import com.clientvalue.decision.Decision;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleVersions;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One audited decision as the page shows it: the stored document, its facts and outcome as labelled
 * fields, the version that decided (null info when it is not stored) and the stored versions a replay
 * may choose.
 */
public record DecisionView(Decision decision, String kind, List<Field> facts, List<Field> outcome,
                           @Nullable RuleVersions.VersionInfo version, List<RuleVersions.VersionInfo> versions,
                           @Nullable ReplayView replay) {

    public List<RuleDescriptor> firedRules() {
        return decision.firedRules();
    }

    public boolean versionActive() {
        return version != null && version.active();
    }

    /** The address of a fired rule's page, at its row. */
    public String ruleLink(RuleDescriptor rule) {
        return "/console/audit/decisions/" + decision.decisionId() + "/rules/" + java.net.URLEncoder.encode(rule.ruleId(),
                java.nio.charset.StandardCharsets.UTF_8) + "#row-" + rule.row();
    }

    DecisionView withReplay(ReplayView shown) {
        return new DecisionView(decision, kind, facts, outcome, version, versions, shown);
    }
}
