package com.clientvalue.decision;

/** Outcome fact: the band of the client's opportunity score. */
public record OpportunityBand(Band band) {
}
