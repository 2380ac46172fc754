package com.clientvalue.decision;

import java.util.List;

/** Published once decisions are in the audit: for listeners that must not slow the answer (shadow runs). */
public record DecisionsRecorded(List<Decision> decisions) {
}
