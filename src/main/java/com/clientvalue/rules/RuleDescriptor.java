package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A rule as the audit names it: the stable id the analyst gave it, its business sentence and
 * where it is written (file, table and row of a decision table, or line of a DRL file).
 */
@Serdeable
public record RuleDescriptor(String ruleId, String name, String file, @Nullable String table, int row) {
}
