package com.clientvalue.governance.shadow;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

/** No candidate runs in shadow (none was started, it was dropped, or it has been published). */
final class NoShadowRunning extends AbstractThrowableProblem {

    NoShadowRunning() {
        super(Problems.type("no-shadow-running"), "No shadow running", Status.NOT_FOUND,
                "no candidate rule set runs in shadow: start one with POST /api/rules/shadow");
    }
}
