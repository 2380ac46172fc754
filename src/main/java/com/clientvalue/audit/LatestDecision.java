package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** The newest audited decision of a client, as the next decision compares itself with it. */
public record LatestDecision(String clientId, String decisionId, Instant decidedAt, @Nullable String cluster,
                            @Nullable String lifecycle, @Nullable String experienceSegment,
                            @Nullable String lastActiveCluster) {
}
