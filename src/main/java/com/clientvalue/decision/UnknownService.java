package com.clientvalue.decision;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.List;
import java.util.Map;

/** A service request names a service that is not in rules/vocabulary/services.csv. */
final class UnknownService extends AbstractThrowableProblem {

    UnknownService(String service, List<String> known) {
        super(Problems.type("unknown-service"), "Unknown service", Status.BAD_REQUEST,
                "service: '" + service + "' is not a service code; known codes: " + String.join(", ", known),
                null, null, Map.of("field", "service", "service", service));
    }
}
