package com.clientvalue.governance.invariant;

import com.clientvalue.common.Problems;
import com.clientvalue.rules.RuleProblem;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.List;
import java.util.Map;

/** A change of the policy invariants was refused: it cannot be read, or the active rules break it. Nothing changed. */
final class InvariantsRejected extends AbstractThrowableProblem {

    InvariantsRejected(List<RuleProblem> problems) {
        super(Problems.type("invariants-rejected"), "Invariants rejected", Status.UNPROCESSABLE_ENTITY,
                problems.size() + " problem(s); the invariants in force are unchanged. First: " + problems.get(0),
                null, null, Map.of("problems", problems));
    }
}
