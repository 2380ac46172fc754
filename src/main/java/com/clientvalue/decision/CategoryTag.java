package com.clientvalue.decision;

/** Outcome fact: a descriptive category or risk factor of the client (NEW, RECURRING, LARGE_COMPANY...). */
public record CategoryTag(String code) {
}
