package com.clientvalue.decision;

import java.util.List;

/**
 * Published once decisions are in the audit, after the commit: for listeners that must not slow the
 * answer (shadow runs). Listeners run on the writing thread: hand real work to a thread of their own.
 */
public record DecisionsRecorded(List<Decision> decisions) {
}
