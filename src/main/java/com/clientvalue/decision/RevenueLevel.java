package com.clientvalue.decision;

/** Outcome fact: the client's revenue level, inserted by the revenue-level table. */
public record RevenueLevel(Level level) {
}
