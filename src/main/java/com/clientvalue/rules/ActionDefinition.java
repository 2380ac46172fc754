package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * An action code of vocabulary/actions.csv: what to do, through which channel, by whom, how often, and
 * what doing it once costs (staff hours and money, defaults to tune), what the action results divide by
 * what they achieved.
 */
@Serdeable
public record ActionDefinition(String code, String description, @Nullable String channel, @Nullable String owner,
                               @Nullable Integer cadenceDays, @Nullable BigDecimal costHours, @Nullable BigDecimal costAmount) {
}
