package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An action in a decision: its code and description from vocabulary/actions.csv, channel, owner
 * and contact cadence where they apply, and the id of the rule that proposed it.
 */
@Serdeable
public record ProposedAction(String code, String description, @Nullable String channel, @Nullable String owner,
                             @Nullable Integer cadenceDays, String ruleId) {
}
