package com.clientvalue.rules;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.Map;

/** No published rule version is stored under this hash. */
public final class RuleVersionNotFound extends AbstractThrowableProblem {

    RuleVersionNotFound(String version) {
        super(Problems.type("rule-version-not-found"), "Rule version not found", Status.NOT_FOUND,
                "no published rule version '" + version + "' is stored (a shadow candidate is not a published version: "
                        + "publish its zip with POST /api/rules/versions)", null, null, Map.of("version", version));
    }
}
