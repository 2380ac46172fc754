package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;

/**
 * A version became the active one, on this instance's request (published within the transaction
 * that records the activation): for those who must react, e.g. a shadow of the same rules ends.
 */
public record RulesActivated(@Nullable String fromVersion, String toVersion, RuleVersions.Reason reason, String by) {
}
