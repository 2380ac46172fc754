package com.clientvalue.governance.shadow;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.Map;

/** No candidate runs in shadow (none was started, it was dropped, or its rules were published), or no such run. */
final class NoShadowRunning extends AbstractThrowableProblem {

    NoShadowRunning() {
        super(Problems.type("no-shadow-running"), "No shadow running", Status.NOT_FOUND,
                "no candidate rule set runs in shadow: start one with POST /api/rules/shadow; ended runs are at "
                        + "GET /api/rules/shadow/runs");
    }

    NoShadowRunning(long runId) {
        super(Problems.type("shadow-run-not-found"), "Shadow run not found", Status.NOT_FOUND,
                "there is no shadow run " + runId + " (GET /api/rules/shadow/runs lists them)", null, null, Map.of("runId", runId));
    }
}
