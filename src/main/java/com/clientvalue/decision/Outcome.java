package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What the rules decided for a client. cluster is null only if no rule decided one. */
@Serdeable
public record Outcome(@Nullable Cluster cluster, @Nullable Level potentialLevel, @Nullable Level revenueLevel,
                      List<ProposedAction> actions) {
}
