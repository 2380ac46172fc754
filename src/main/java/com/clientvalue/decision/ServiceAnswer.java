package com.clientvalue.decision;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to a service request: granted only when a rule grants it and none refuses it.
 *
 * @param reasons names of the rules that decided (the refusing ones when refused)
 * @param ruleIds their ids
 */
@Serdeable
public record ServiceAnswer(boolean granted, List<String> reasons, List<String> ruleIds) {
}
