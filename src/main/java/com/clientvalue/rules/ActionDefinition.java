package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An action code of vocabulary/actions.csv: what to do, through which channel, by whom, how often. */
@Serdeable
public record ActionDefinition(String code, String description, @Nullable String channel, @Nullable String owner,
                               @Nullable Integer cadenceDays) {
}
