package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the rules decided for a client. cluster and lifecycle are null only if no rule decided
 * them; experienceSegment is null without a survey; serviceAnswer only for service requests;
 * categories are descriptive (rules/portfolio/descriptive-categories.csv), in firing order;
 * assessment only when the client has an assessment up to the decision date.
 */
@Serdeable
public record Outcome(@Nullable Cluster cluster, @Nullable Level potentialLevel, @Nullable Level revenueLevel,
                      @Nullable Lifecycle lifecycle, @Nullable ExperienceSegment experienceSegment,
                      List<ProposedAction> actions, List<String> categories, @Nullable AssessmentResult assessment,
                      @Nullable ServiceAnswer serviceAnswer) {
}
