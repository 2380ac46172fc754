package com.clientvalue.decision;

/** Outcome fact: one rule's answer to the service request in the session. */
public record ServiceVerdict(Verdict verdict) {
}
