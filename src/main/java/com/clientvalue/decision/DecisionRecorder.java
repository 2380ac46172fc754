package com.clientvalue.decision;

import com.clientvalue.audit.AuditEntry;
import com.clientvalue.audit.AuditTrail;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Puts decisions in the audit as the very JSON documents the API answers with. */
@Singleton
class DecisionRecorder {
    private final AuditTrail audit;
    private final JsonMapper json;

    DecisionRecorder(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    void record(List<Decision> decisions) {
        audit.record(decisions.stream().map(this::entry).toList());
    }

    private AuditEntry entry(Decision decision) {
        try {
            return new AuditEntry(decision.decisionId(), decision.clientId(), decision.asOf(), decision.ruleVersion(),
                    decision.decidedAt(), decision.outcome().cluster() == null ? null : decision.outcome().cluster().name(),
                    decision.firedRules().stream().map(RuleDescriptor::ruleId).toList(),
                    json.writeValueAsString(decision));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
