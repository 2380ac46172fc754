package com.clientvalue.decision;

/** Outcome fact: the client's expectation × experience segment, when it has a survey. */
public record ExperienceAssignment(ExperienceSegment segment) {
}
