package com.clientvalue.rules;

import io.micronaut.serde.annotation.Serdeable;

/** A file of a rule version: its path in the rules folder, its SHA-256 and how many rules it holds. */
@Serdeable
public record RuleFileSummary(String path, String sha256, int rules) {
}
