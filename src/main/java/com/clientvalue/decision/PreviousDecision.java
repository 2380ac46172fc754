package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Input fact: what the client's previous decision said. lastActiveCluster is the cluster of its
 * latest decision in which it was neither INACTIVE, LOST nor PROSPECT ("what it was" before it left).
 */
@Serdeable
public record PreviousDecision(String decisionId, @Nullable Cluster cluster, @Nullable Lifecycle lifecycle,
                               @Nullable ExperienceSegment experienceSegment, @Nullable Cluster lastActiveCluster) {
}
