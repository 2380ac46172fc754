package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of the audit list (kind CLIENT or SERVICE_REQUEST; whatIf: decided back-dated, before the
 * client's latest decided asOf); the whole decision is at /api/audit/decisions/{decisionId}.
 */
@Serdeable
public record AuditSummary(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                           String kind, boolean whatIf, @Nullable String cluster, @Nullable String lifecycle) {
}
