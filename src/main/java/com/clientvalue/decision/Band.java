package com.clientvalue.decision;

/** A band of an assessment score, set by the thresholds of rules/assessment/assessment-scoring.csv. */
public enum Band {
    LOW, MEDIUM, HIGH
}
