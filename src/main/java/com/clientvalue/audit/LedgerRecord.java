package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One decision as the ledger keeps it: the columns it is searched by and its document exactly as
 * answered. Its record hash is the SHA-256 of {@link #canonical()}: every field as a name=value line,
 * in this order, the document last. Changing any of them in the database changes the hash.
 */
@Serdeable
@Schema(description = "A decision as the audit ledger keeps it; recordHash = SHA-256 of the canonical form (src/docs/audit.md)")
public record LedgerRecord(String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt, String kind,
                           boolean whatIf, @Nullable Long jobId, @Nullable String cluster, @Nullable String lifecycle,
                           @Nullable String experienceSegment, @Nullable String lastActiveCluster, String firedSet,
                           @Schema(description = "the decision document, the exact text answered") String document) {

    static LedgerRecord of(AuditEntry entry, String firedSet) {
        return new LedgerRecord(entry.decisionId(), entry.clientId(), entry.asOf(), entry.ruleVersion(),
                entry.decidedAt().truncatedTo(ChronoUnit.MICROS), entry.kind(), entry.whatIf(), entry.jobId(), entry.cluster(),
                entry.lifecycle(), entry.experienceSegment(), entry.lastActiveCluster(), firedSet, entry.document());
    }

    public String canonical() {
        return canonicalBeforeDocument() + document;
    }

    /** The canonical record up to the document, which follows it. */
    String canonicalBeforeDocument() {
        return LedgerHash.columns(decisionId, clientId, asOf, ruleVersion, decidedAt, kind, jobId, cluster, lifecycle,
                experienceSegment)
                + "\nwhat_if=" + whatIf + "\nlast_active_cluster=" + (lastActiveCluster == null ? "" : lastActiveCluster)
                + "\nfired_set=" + firedSet + "\ndecision=";
    }

    /** The record hash of this record's columns with this document, given as its stored UTF-8 bytes. */
    String recordHash(byte[] documentUtf8) {
        return LedgerHash.sha256(canonicalBeforeDocument(), documentUtf8);
    }

    public String recordHash() {
        return LedgerHash.sha256(canonical());
    }
}
