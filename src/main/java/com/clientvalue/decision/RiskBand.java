package com.clientvalue.decision;

/** Outcome fact: the band of the client's risk score. */
public record RiskBand(Band band) {
}
