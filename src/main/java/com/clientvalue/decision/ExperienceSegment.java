package com.clientvalue.decision;

/** Expectations × experience from the latest survey: DEVOTED are ambassadors, SATISFIED admirers. */
public enum ExperienceSegment { DISSATISFIED, LOST_OR_INACTIVE, SATISFIED, DEVOTED }
