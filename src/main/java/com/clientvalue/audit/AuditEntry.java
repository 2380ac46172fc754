package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One decision to keep: the columns the audit is searched by, the transitions since the client's
 * previous decision, and the decision document exactly as it was answered (JSON).
 *
 * @param kind              CLIENT or SERVICE_REQUEST
 * @param whatIf            decided as of a date before the client's latest decided asOf: kept, never fed to the transitions
 * @param jobId             the batch job that made the decision, if any
 * @param lastActiveCluster the cluster to remember as "what the client was" (see latest_decision)
 * @param actionCodes       the codes of the actions the decision proposed, in the order answered
 */
public record AuditEntry(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                         String kind, boolean whatIf, @Nullable Long jobId, @Nullable String cluster, @Nullable String lifecycle,
                         @Nullable String experienceSegment, @Nullable String lastActiveCluster,
                         List<String> actionCodes, List<String> firedRuleIds, List<TransitionEvent> transitions, String document) {

    /** A change of one dimension (CLUSTER, LIFECYCLE, EXPERIENCE) since the previous decision. */
    public record TransitionEvent(String dimension, @Nullable String from, @Nullable String to, String previousDecisionId) {
    }
}
