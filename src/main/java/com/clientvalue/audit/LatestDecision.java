package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A client's decision as a later one compares itself with it: the latest in business time (greatest
 * asOf, then the one decided last, then the greatest id), up to some asOf.
 */
public record LatestDecision(String clientId, String decisionId, LocalDate asOf, Instant decidedAt, @Nullable String cluster,
                             @Nullable String lifecycle, @Nullable String experienceSegment,
                             @Nullable String lastActiveCluster) {
}
