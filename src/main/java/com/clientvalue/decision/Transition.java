package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A change since the client's previous decision: dimension CLUSTER, LIFECYCLE or EXPERIENCE. */
@Serdeable
public record Transition(String dimension, @Nullable String from, @Nullable String to, String previousDecisionId) {
}
