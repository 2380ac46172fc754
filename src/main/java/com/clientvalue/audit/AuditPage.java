package com.clientvalue.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of audited decisions, newest first. */
@Serdeable
public record AuditPage(List<AuditSummary> items, int page, int size, long total) {
}
