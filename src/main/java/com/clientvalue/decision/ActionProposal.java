package com.clientvalue.decision;

/** Outcome fact: an action the rules propose for the client, by its code (e.g. ASSESS_POTENTIAL). */
public record ActionProposal(String code) {
}
