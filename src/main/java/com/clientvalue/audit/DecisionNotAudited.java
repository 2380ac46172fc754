package com.clientvalue.audit;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.Map;

/** No decision with this id is in the audit. */
public final class DecisionNotAudited extends AbstractThrowableProblem {

    public DecisionNotAudited(String decisionId) {
        super(Problems.type("decision-not-found"), "Decision not found", Status.NOT_FOUND,
                "no decision with id '" + decisionId + "' in the audit", null, null, Map.of("decisionId", decisionId, "field", "decisionId"));
    }
}
