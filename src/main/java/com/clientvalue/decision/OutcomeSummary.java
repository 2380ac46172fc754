package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An outcome reduced to what impact previews compare: segments, action codes, free-service entitlement. */
@Serdeable
public record OutcomeSummary(@Nullable Cluster cluster, @Nullable Lifecycle lifecycle,
                             @Nullable ExperienceSegment experienceSegment, List<String> actions,
                             @Nullable Boolean freeServiceGranted) {

    public static OutcomeSummary of(Outcome outcome) {
        return new OutcomeSummary(outcome.cluster(), outcome.lifecycle(), outcome.experienceSegment(),
                outcome.actions().stream().map(ProposedAction::code).sorted().toList(),
                outcome.serviceAnswer() == null ? null : outcome.serviceAnswer().granted());
    }
}
