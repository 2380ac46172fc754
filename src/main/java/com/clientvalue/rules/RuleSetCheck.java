package com.clientvalue.rules;

import java.util.List;

/**
 * A check a candidate rule set must pass, beyond compiling, before it may be published: the
 * analysts' test scenarios, the policy invariants. Implemented where the evaluation lives.
 */
public interface RuleSetCheck {

    /** @return what is wrong, located by file and row; empty when the candidate passes */
    List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources);

    /**
     * What the check reads besides the candidate (stored data, today's date), in a form that changes
     * when that does; a candidate that passed on the same basis need not be checked again.
     */
    default String basis() {
        return "";
    }

    /** What the check verifies, in words, for the record of the checks a version passed. */
    default String name() {
        return "a check";
    }

    /**
     * A short stable id of the check (lower case, no spaces), by which progress reports name it as
     * a step of a validation; the console translates it.
     */
    default String step() {
        return "other";
    }
}
