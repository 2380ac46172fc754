package com.clientvalue.decision;

import io.micronaut.serde.annotation.Serdeable;

/** An action in a decision, with the id of the rule that proposed it. */
@Serdeable
public record ProposedAction(String code, String ruleId) {
}
