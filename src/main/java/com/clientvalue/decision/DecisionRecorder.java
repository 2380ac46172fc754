package com.clientvalue.decision;

import com.clientvalue.audit.AuditEntry;
import com.clientvalue.audit.AuditTrail;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Puts decisions in the audit as the very JSON documents the API answers with, and records the
 * service grants they made, in one transaction: the decisions of every caller a {@link GroupCommit}
 * gathered.
 */
@Singleton
class DecisionRecorder {
    private final AuditTrail audit;
    private final ServiceGrants grants;
    private final JsonMapper json;

    DecisionRecorder(AuditTrail audit, ServiceGrants grants, JsonMapper json) {
        this.audit = audit;
        this.grants = grants;
        this.json = json;
    }

    // DecisionsRecorded is published by the GroupCommit once this transaction has committed, never here
    @Transactional
    void record(List<GroupCommit.Pending> callers, int segment) {
        for (GroupCommit.Pending caller : callers) {
            if (caller.condition != null) {
                caller.condition.run();
            }
        }
        audit.record(callers.stream().flatMap(c -> c.entries.stream()).toList(), segment);
        grants.record(callers.stream().flatMap(c -> c.decisions.stream()).toList());
    }

    /**
     * The audit records of these decisions, documents serialized, hashed and compressed: done by each
     * caller (a batch on every core) before its decisions join a group commit, so the shared write only writes.
     */
    List<AuditTrail.Sealed> entries(List<Decision> decisions, Long jobId) {
        return (decisions.size() > 1 ? decisions.parallelStream() : decisions.stream())
                .map(d -> AuditTrail.seal(entry(d, jobId))).toList();
    }

    private AuditEntry entry(Decision decision, Long jobId) {
        Outcome outcome = decision.outcome();
        try {
            return new AuditEntry(decision.decisionId(), decision.clientId(), decision.asOf(), decision.ruleVersion(),
                    decision.decidedAt(), decision.serviceRequest() == null ? "CLIENT" : "SERVICE_REQUEST", decision.whatIf(), jobId,
                    name(outcome.cluster()), name(outcome.lifecycle()), name(outcome.experienceSegment()),
                    name(Transitions.lastActiveCluster(decision.previousDecision(), outcome)),
                    outcome.actions().stream().map(ProposedAction::code).toList(),
                    decision.firedRules().stream().map(RuleDescriptor::ruleId).toList(),
                    decision.transitions().stream().map(t -> new AuditEntry.TransitionEvent(t.dimension(), t.from(), t.to(),
                            t.previousDecisionId())).toList(),
                    json.writeValueAsString(decision));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
