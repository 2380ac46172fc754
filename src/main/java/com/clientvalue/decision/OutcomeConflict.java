package com.clientvalue.decision;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.Map;

/** The rules gave one client two answers where one is expected (e.g. two clusters): a defect in the tables. */
public final class OutcomeConflict extends AbstractThrowableProblem {

    OutcomeConflict(String clientId, String what, String rules) {
        super(Problems.type("rules-conflict"), "The rules gave conflicting outcomes", Status.UNPROCESSABLE_ENTITY,
                "client '" + clientId + "' got more than one " + what + " from rules " + rules
                        + "; the tables must give exactly one", null, null, Map.of("clientId", clientId));
    }
}
