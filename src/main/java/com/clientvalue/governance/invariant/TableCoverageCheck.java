package com.clientvalue.governance.invariant;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSetCheck;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Gaps and overlaps of the single-answer tables, from their cells ({@link TableCoverage}). Runs
 * before the scenarios and invariants, so that a table's defect is reported first, where it is,
 * and not only through the scenarios and invariants it breaks.
 */
@Singleton
@Order(-100)
public class TableCoverageCheck implements RuleSetCheck {

    @Override
    public String name() {
        return "no gaps or overlaps in the decision tables";
    }

    @Override
    public String step() {
        return "coverage";
    }

    @Override
    public List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources) {
        return TableCoverage.check(sources);
    }
}
