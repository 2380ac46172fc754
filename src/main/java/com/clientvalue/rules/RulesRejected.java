package com.clientvalue.rules;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.List;
import java.util.Map;

/** A candidate rule set was refused: it does not compile or fails a check. Nothing was activated. */
public final class RulesRejected extends AbstractThrowableProblem {

    RulesRejected(List<RuleProblem> problems) {
        this(problems, "the active version is unchanged");
    }

    RulesRejected(List<RuleProblem> problems, String consequence) {
        super(Problems.type("rules-rejected"), "Rule set rejected", Status.UNPROCESSABLE_ENTITY,
                problems.size() + " problem(s); " + consequence + ". First: " + problems.get(0),
                null, null, Map.of("problems", problems));
    }
}
