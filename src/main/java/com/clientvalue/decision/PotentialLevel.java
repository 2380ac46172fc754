package com.clientvalue.decision;

/** Outcome fact: the client's potential level, inserted by the potential-level table. */
public record PotentialLevel(Level level) {
}
