package com.clientvalue.decision;

/** Outcome fact: the client's lifecycle state. Exactly one per decision. */
public record LifecycleAssignment(Lifecycle state) {
}
