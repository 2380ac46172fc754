package com.clientvalue.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder cannot be used: every problem found is listed, located by file and row. */
public final class RuleSetInvalid extends RuntimeException {
    private final transient List<RuleProblem> problems;

    RuleSetInvalid(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules:\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
