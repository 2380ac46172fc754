package com.clientvalue.decision;

/** Where a client stands in its relationship with us (see rules/lifecycle/lifecycle-state.csv). */
public enum Lifecycle { PROSPECT, NEW, ACTIVE, LOYAL, INACTIVE, LOST }
