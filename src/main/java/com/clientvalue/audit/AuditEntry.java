package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One decision to keep: the columns the audit is searched by, and the decision document exactly
 * as it was answered (JSON).
 */
public record AuditEntry(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                         @Nullable String cluster, List<String> firedRuleIds, String document) {
}
